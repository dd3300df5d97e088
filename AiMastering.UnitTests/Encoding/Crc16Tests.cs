using AiMastering.Engine.Encoding;

namespace AiMastering.UnitTests.Encoding;

public sealed class Crc16Tests
{
    [Fact]
    public void Matches_the_catalogued_check_value_of_CRC_16_ARC()
    {
        Crc16.Update(0, System.Text.Encoding.ASCII.GetBytes("123456789")).ShouldBe((ushort)0xBB3D);
    }

    [Fact]
    public void Equals_the_bit_by_bit_definition_at_every_length_and_when_fed_in_pieces()
    {
        var random = new Random(7);
        var data = new byte[4099];
        random.NextBytes(data);
        for (var length = 0; length <= 40; length++)
        {
            Crc16.Update(0, data.AsSpan(0, length)).ShouldBe(BitByBit(0, data.AsSpan(0, length)), $"length {length}");
        }

        var whole = Crc16.Update(0, data);
        whole.ShouldBe(BitByBit(0, data));
        Crc16.Update(Crc16.Update(0, data.AsSpan(0, 1237)), data.AsSpan(1237)).ShouldBe(whole);
    }

    private static ushort BitByBit(ushort crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }
}

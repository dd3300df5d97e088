namespace AiMastering.Engine.Encoding;

/// <summary>
/// CRC-16 with polynomial 0x8005, bits reflected (0xA001), initial value 0 ("CRC-16/ARC"; ffmpeg's
/// AV_CRC_16_ANSI_LE): the checksum LAME and ffmpeg store in the LAME tag for the music and for the tag itself.
/// </summary>
internal static class Crc16
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = (ushort)(table[(byte)crc ^ b] ^ (crc >> 8));
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var c = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (ushort)((c >> 1) ^ 0xA001) : (ushort)(c >> 1);
            }

            table[i] = c;
        }

        return table;
    }
}

using System.Text.Json;

namespace AiMastering.UnitTests.Analysis;

/// <summary>
/// A deliberately small JSON Schema checker (type, required, properties, items, enum, const, $ref to $defs),
/// enough to keep docs/schemas/analysis.schema.json and the serialized model in step.
/// </summary>
internal static class MiniJsonSchema
{
    public static List<string> Validate(JsonElement schemaRoot, JsonElement value)
    {
        var errors = new List<string>();
        Check(schemaRoot, schemaRoot, value, "$", errors);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = root.GetProperty("$defs").GetProperty(name);
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{path}: {value.ValueKind} does not match type {type}");
            return;
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => o.ToString() == value.ToString()))
        {
            errors.Add($"{path}: {value} not in enum");
        }

        if (schema.TryGetProperty("const", out var constant) && constant.ToString() != value.ToString())
        {
            errors.Add($"{path}: {value} is not {constant}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        errors.Add($"{path}: missing {name}");
                    }
                }
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in value.EnumerateObject())
                {
                    if (properties.TryGetProperty(property.Name, out var sub))
                    {
                        Check(root, sub, property.Value, $"{path}.{property.Name}", errors);
                    }
                    else
                    {
                        errors.Add($"{path}: property {property.Name} is not in the schema");
                    }
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(root, items, item, $"{path}[{i++}]", errors);
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value)
    {
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        return types.Any(t => t switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "null" => value.ValueKind == JsonValueKind.Null,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => false,
        });
    }
}

using System.Text.RegularExpressions;

namespace AiMastering.UnitTests.Architecture;

/// <summary>
/// The dependency graph between the engine's top-level folders, read from its source: a file in folder A depends on
/// folder B when it imports <c>AiMastering.Engine.B</c> (or a namespace under it), names it qualified
/// (<c>AiMastering.Engine.B.X</c>, <c>B.X</c>), or uses a type of the engine's root namespace (B = the root), which
/// every folder sees without an import. Sub-folders (Mastering/Rules, Encoding/Native) belong to their folder.
/// </summary>
internal static partial class EngineFolderGraph
{
    public const string Root = "(root)";

    /// <summary>Folder → the folders it depends on, each with one file that shows it.</summary>
    public static Dictionary<string, Dictionary<string, string>> Build(string engineDirectory)
    {
        var files = Directory.EnumerateFiles(engineDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(engineDirectory, f)))
            .Select(f => (Path: Path.GetRelativePath(engineDirectory, f), Code: Code(File.ReadAllText(f))))
            .ToList();
        var folders = files.Select(f => FolderOf(f.Path)).Where(f => f != Root).ToHashSet(StringComparer.Ordinal);
        var rootTypes = files.Where(f => FolderOf(f.Path) == Root)
            .SelectMany(f => TopLevelType().Matches(f.Code).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (path, code) in files)
        {
            var from = FolderOf(path);
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new(StringComparer.Ordinal);
            var targets = EngineName().Matches(code).Select(m => m.Groups["folder"].Value)
                .Concat(PartialName().Matches(code).Select(m => m.Groups["folder"].Value).Where(folders.Contains))
                .Concat(Identifier().Matches(code).Any(m => rootTypes.Contains(m.Value)) ? [Root] : []);
            foreach (var to in targets.Where(t => t != from))
            {
                edges.TryAdd(to, path);
            }
        }

        return graph;
    }

    /// <summary>A cycle as a path (first folder repeated at the end), or null.</summary>
    public static IReadOnlyList<string>? FindCycle(Dictionary<string, Dictionary<string, string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        IReadOnlyList<string>? Visit(string node)
        {
            var onPath = path.IndexOf(node);
            if (onPath >= 0)
            {
                return [.. path[onPath..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            IEnumerable<string> nexts = graph.TryGetValue(node, out var e) ? e.Keys.Order(StringComparer.Ordinal) : [];
            foreach (var next in nexts)
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
        relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string FolderOf(string relative) =>
        relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? relative[..relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal)] : Root;

    /// <summary>The code without string literals and plain comments (doc comments stay: a cref is a reference too).</summary>
    private static string Code(string source) => PlainComment().Replace(StringLiteral().Replace(source, "\"\""), string.Empty);

    [GeneratedRegex(@"(?<![\w.])AiMastering\.Engine\.(?<folder>[A-Z]\w*)")]
    private static partial Regex EngineName();

    [GeneratedRegex(@"(?<![\w.])(?<folder>[A-Z]\w*)\.[A-Z]\w*")]
    private static partial Regex PartialName();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^(?:public |internal )?(?:(?:sealed|static|abstract|readonly|partial) )*(?:class|struct|interface|enum|record(?: struct| class)?) (?<name>[A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"//(?!/).*$", RegexOptions.Multiline)]
    private static partial Regex PlainComment();

    [GeneratedRegex(@"""(?:\\.|[^""\\\n])*""")]
    private static partial Regex StringLiteral();
}

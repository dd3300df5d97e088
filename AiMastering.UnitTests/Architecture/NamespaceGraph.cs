using System.Text.RegularExpressions;

namespace AiMastering.UnitTests.Architecture;

/// <summary>
/// The folder (namespace) dependency graph of one project, read from its sources: a file in folder A
/// depends on folder B when it has <c>using B</c> (or <c>using static</c> a type of B), names B's
/// namespace in full, or names a type declared in B while B encloses A's namespace (visible without a
/// using). A folder is the first namespace segment below the project's root namespace; sub-folders
/// count as their top folder. Comments and string literals are ignored.
/// </summary>
public sealed partial class NamespaceGraph
{
    private NamespaceGraph(string rootNamespace, IReadOnlyDictionary<string, HashSet<string>> edges)
    {
        RootNamespace = rootNamespace;
        Edges = edges;
    }

    public string RootNamespace { get; }

    /// <summary>Folder → the folders it depends on (never itself).</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Edges { get; }

    /// <summary>Reads every .cs file under <paramref name="projectFolder"/> (not bin/obj).</summary>
    public static NamespaceGraph Build(string projectFolder, string rootNamespace)
    {
        var files = Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .Select(f => Strip(File.ReadAllText(f)))
            .ToList();
        var typesByName = new Dictionary<string, HashSet<string>>();
        foreach (var code in files)
        {
            var ns = NamespaceOf(code);
            foreach (Match m in TypeDeclaration().Matches(code))
            {
                typesByName.TryAdd(m.Groups["name"].Value, []);
                typesByName[m.Groups["name"].Value].Add(ns);
            }
        }

        var qualified = new Regex($@"\b{Regex.Escape(rootNamespace)}(?:\.[A-Z]\w*)+", RegexOptions.CultureInvariant);
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var code in files)
        {
            var ns = NamespaceOf(code);
            var from = FolderOf(ns, rootNamespace);
            if (from is null)
            {
                continue;
            }

            var targets = edges.TryGetValue(from, out var set) ? set : edges[from] = [];
            foreach (Match m in qualified.Matches(code))
            {
                targets.Add(FolderOf(m.Value, rootNamespace) ?? from);
            }

            foreach (Match m in Identifier().Matches(code))
            {
                if (typesByName.TryGetValue(m.Value, out var declaredIn))
                {
                    foreach (var owner in declaredIn.Where(d => ns == d || ns.StartsWith(d + ".", StringComparison.Ordinal)))
                    {
                        targets.Add(FolderOf(owner, rootNamespace) ?? from);
                    }
                }
            }

            targets.Remove(from);
            targets.Remove(string.Empty);
        }

        return new NamespaceGraph(rootNamespace, edges);
    }

    /// <summary>Every cycle's folders in order (each cycle once), found with Tarjan's strongly connected components.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Edges.GetValueOrDefault(v) ?? [])
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    component.Reverse();
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in Edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>"A → B, C" lines, for failure messages and docs.</summary>
    public string Describe() => string.Join(
        Environment.NewLine,
        Edges.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key} → {string.Join(", ", e.Value.Order(StringComparer.Ordinal))}"));

    private static string? FolderOf(string ns, string root)
    {
        if (ns == root)
        {
            return "(root)";
        }

        return ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;
    }

    private static string NamespaceOf(string code) =>
        FileNamespace().Match(code) is { Success: true } m ? m.Groups["ns"].Value : string.Empty;

    /// <summary>Removes comments and string/char literals, so names in them are not dependencies.</summary>
    private static string Strip(string code) => Literal().Replace(code, m => m.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex(@"^\s*namespace\s+(?<ns>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record(?:\s+struct)?|delegate\s+[\w<>?,\s]+?)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|\$*""""""[\s\S]*?""""""|\$?@""(?:[^""]|"""")*""|\$?""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\])'", RegexOptions.Singleline)]
    private static partial Regex Literal();
}

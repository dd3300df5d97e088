using AiMastering.Testing;

namespace AiMastering.UnitTests.Architecture;

/// <summary>No folder of a library depends on a folder that depends back on it (layers stay layers).</summary>
public sealed class FolderCycleTests
{
    [Theory]
    [InlineData("AiMastering.Jobs", "AiMastering.Jobs")]
    public void Library_folders_form_no_cycle(string project, string rootNamespace)
    {
        var graph = NamespaceGraph.Build(Path.Combine(RepositoryPaths.Root(), project), rootNamespace);

        graph.Edges.Count.ShouldBeGreaterThan(1, "the sources were found");
        graph.Cycles().ShouldBeEmpty(
            $"folder cycles: {string.Join("; ", graph.Cycles().Select(c => string.Join(" ⇄ ", c)))}{Environment.NewLine}{graph.Describe()}");
    }

    [Fact]
    public void A_cycle_is_found_through_usings_and_qualified_names_and_never_through_comments_or_strings()
    {
        var folder = Directory.CreateTempSubdirectory("aim-graph-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "A.cs"), "using Lib.B;\nnamespace Lib.A;\npublic sealed class Alpha { Beta? b; }\n");
            File.WriteAllText(Path.Combine(folder, "B.cs"), "namespace Lib.B;\n// Lib.A.Alpha in a comment is no dependency\npublic sealed class Beta { Lib.C.Gamma? g; }\n");
            File.WriteAllText(Path.Combine(folder, "C.cs"), "namespace Lib.C;\npublic sealed class Gamma { string s = \"Lib.B\"; Lib.A.Alpha? a; }\n");

            var graph = NamespaceGraph.Build(folder, "Lib");

            graph.Edges["A"].ShouldBe(["B"]);
            graph.Edges["B"].ShouldBe(["C"]);
            graph.Edges["C"].ShouldBe(["A"]);
            graph.Cycles().ShouldHaveSingleItem().ShouldBe(["A", "B", "C"], ignoreOrder: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

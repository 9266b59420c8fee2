namespace CowHealth.Tests.Compose;

/// <summary>The .dockerignore reading the image build rehearsal relies on, against Docker's documented rules.</summary>
public sealed class DockerIgnore_Specs
{
    [Theory]
    [InlineData("src/Gateway/bin/Release/net10.0/CowHealth.Gateway.dll", true)]
    [InlineData("src/Storage/obj/project.assets.json", true)]
    [InlineData("tests/CowHealth.Tests/CowHealth.Tests.csproj", true)]
    [InlineData("src/LocalRun/cowhealth.db", true)]
    [InlineData("src/LocalRun/cowhealth.db-wal", true)]
    [InlineData("src/Dockerfile", true)]
    [InlineData("src/Gateway/Program.cs", false)]
    [InlineData(".editorconfig", false)]
    [InlineData("Directory.Build.props", false)]
    public void The_repositorys_dockerignore_keeps_build_output_tests_and_databases_out_of_the_context(string path, bool excluded)
    {
        var context = DockerIgnore.Read(Observability.RepositoryFiles.PathOf(".dockerignore"));

        Assert.Equal(excluded, context.Excludes(path));
    }

    [Fact]
    public void The_last_matching_line_wins_and_an_exclamation_mark_brings_a_path_back()
    {
        var context = DockerIgnore.Parse("docs/\n!docs/keep.md\n*.md\n!README.md\n/build/*.tmp\n**/*.log\n!src/**/keep.log\n**/*.log\n");

        Assert.True(context.Excludes("docs/guide.md"));
        Assert.False(context.Excludes("docs/keep.md"));
        Assert.True(context.Excludes("src/a/keep.log"), "the second **/*.log comes after the exception");
        Assert.False(context.Excludes("README.md"));
        Assert.True(context.Excludes("notes.md"));
        Assert.False(context.Excludes("src/notes.md"), "* does not cross a folder");
        Assert.True(context.Excludes("build/a.tmp"));
        Assert.False(context.Excludes("build/sub/a.tmp"));
    }

    [Fact]
    public void A_pattern_that_matches_a_folder_excludes_everything_in_it()
    {
        var context = DockerIgnore.Parse("**/obj\n");

        Assert.True(context.Excludes("obj/x.json"));
        Assert.True(context.Excludes("a/b/obj/c/d.json"));
        Assert.False(context.Excludes("a/objects/x.json"));
    }
}

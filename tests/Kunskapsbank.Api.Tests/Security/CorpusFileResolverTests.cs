using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Security;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Tests.Security;

public sealed class CorpusFileResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kunskapsbank-resolver-").FullName;
    private readonly string _corpus;
    private readonly string _secret;
    private readonly CorpusFileResolver _resolver;

    public CorpusFileResolverTests()
    {
        _corpus = Path.Combine(_root, "corpus");
        Directory.CreateDirectory(Path.Combine(_corpus, "mapp"));
        File.WriteAllText(Path.Combine(_corpus, "mapp", "dokument.md"), "# Dokument");
        _secret = Path.Combine(_root, "hemlig.txt");
        File.WriteAllText(_secret, "HEMLIGT");
        _resolver = new CorpusFileResolver(Options.Create(new KunskapsbankOptions { CorpusPath = _corpus }));
    }

    [Fact]
    public void A_file_inside_the_corpus_resolves_to_its_real_path() =>
        Assert.Equal(Path.Combine(_corpus, "mapp", "dokument.md"), _resolver.Resolve("mapp/dokument.md"));

    [Theory]
    [InlineData("../hemlig.txt")]
    [InlineData("mapp/../../hemlig.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("mapp\\..\\..\\hemlig.txt")]
    [InlineData("mapp/dokument.md\0.pdf")]
    [InlineData("")]
    [InlineData("mapp")]
    [InlineData("finns-inte.md")]
    public void Paths_outside_the_corpus_or_not_files_are_refused(string relative) =>
        Assert.Null(_resolver.Resolve(relative));

    [Fact]
    public void A_symlink_to_a_file_outside_the_corpus_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_corpus, "mapp", "lank.txt"), _secret);
        Assert.Null(_resolver.Resolve("mapp/lank.txt"));
    }

    [Fact]
    public void A_symlinked_folder_pointing_outside_the_corpus_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_corpus, "utanfor"), _root);
        Assert.Null(_resolver.Resolve("utanfor/hemlig.txt"));
    }

    [Fact]
    public void A_symlink_inside_the_corpus_resolves_to_its_target()
    {
        File.CreateSymbolicLink(Path.Combine(_corpus, "genvag.md"), Path.Combine("mapp", "dokument.md"));
        Assert.Equal(Path.Combine(_corpus, "mapp", "dokument.md"), _resolver.Resolve("genvag.md"));
    }

    [Fact]
    public void A_corpus_root_that_is_itself_a_symlink_still_serves_its_files()
    {
        var link = Path.Combine(_root, "corpus-lank");
        Directory.CreateSymbolicLink(link, _corpus);
        var resolver = new CorpusFileResolver(Options.Create(new KunskapsbankOptions { CorpusPath = link }));
        Assert.Equal(Path.Combine(_corpus, "mapp", "dokument.md"), resolver.Resolve("mapp/dokument.md"));
    }

    [Fact]
    public void A_symlink_loop_is_refused_not_followed_forever()
    {
        File.CreateSymbolicLink(Path.Combine(_corpus, "a"), Path.Combine(_corpus, "b"));
        File.CreateSymbolicLink(Path.Combine(_corpus, "b"), Path.Combine(_corpus, "a"));
        Assert.Null(_resolver.Resolve("a"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

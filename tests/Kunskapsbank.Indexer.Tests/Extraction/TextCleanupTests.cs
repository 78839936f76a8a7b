using System.Text;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Tests.Analysis;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class TextCleanupTests
{
    [Theory]
    [InlineData("Våld i nära relationer – stöd ”för” barn… § 5 kap. 1 € 100 %")]
    [InlineData("Första raden\nandra raden ÅÄÖ åäö é ü ß ø æ")]
    [InlineData("")]
    public void Normalize_LeavesPlainSwedishTextAsItIs(string text) =>
        Assert.Equal(text, TextCleanup.Normalize(text));

    [Theory]
    [InlineData("Våldsut\u00ADsatta\r\nkvinnor", "Våldsutsatta\nkvinnor")]
    [InlineData("stöd\tför\u00A0barn\u2028nästa", "stöd för barn\nnästa")]
    [InlineData("Det \uFB01nns \uFB02era", "Det finns flera")]
    [InlineData("noll\u200Bbredd\uFEFFoch\u0007kontroll", "nollbreddochkontroll")]
    [InlineData("va\u030Ald i na\u0308ra", "våld i nära")]
    public void Normalize_CleansWhatFollowsPlainText(string text, string expected) =>
        Assert.Equal(expected, TextCleanup.Normalize(text));

    [Fact]
    public void Normalize_TurnsNoncharactersIntoSpacesInsteadOfFailing() =>
        Assert.Equal("barn och \u00E4ktenskap ", TextCleanup.Normalize("barn och\uFFFF\u00E4ktenskap\uFFFE"));

    [Property(Arbitrary = [typeof(RandomText)], MaxTest = 1000)]
    public void Normalize_OfAnyText_IsStableAndLeavesNothingItRemoves(AnyText text)
    {
        var cleaned = TextCleanup.Normalize(text.Value);
        Assert.Equal(cleaned, TextCleanup.Normalize(cleaned));
        Assert.DoesNotContain(cleaned, c => c is '\r' or '\t' or '\u00AD' or '\u200B' or '\uFEFF' or (>= '\uFB00' and <= '\uFB06') || (char.IsControl(c) && c != '\n'));
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("en rad med ett mellanslag", "en rad med ett mellanslag")]
    [InlineData("  två  \t mellanslag\n\nochrad ", "två mellanslag ochrad")]
    [InlineData(" ", "")]
    public void CollapseSpaces_JoinsRunsOfSpacesAndTrims(string text, string expected) =>
        Assert.Equal(expected, TextCleanup.CollapseSpaces(text));

    [Property(Arbitrary = [typeof(RandomText)], MaxTest = 1000)]
    public void CollapseSpaces_OfAnyText_IsOneSpaceBetweenTheNonSpaceRuns(AnyText text) =>
        Assert.Equal(Regex.Replace(text.Value, "[ \t\n]+", " ").Trim(' '), TextCleanup.CollapseSpaces(text.Value));
}

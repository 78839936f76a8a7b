using Kunskapsbank.Web.Models;

namespace Kunskapsbank.Web.Tests.Models;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("\0", "")]
    [InlineData("\u0001\u001f\u007f\u0085\u009f", "")]
    [InlineData("\ufffd\ufffd", "")]
    [InlineData("\ud800", "")]
    [InlineData("\udc00våld", "våld")]
    [InlineData("v\u0000å\u0001ld", "våld")]
    [InlineData("\u202evåld\u202c \u2066barn\u2069", "våld barn")]
    [InlineData("våld\tbarn\r\nskydd", "våld barn skydd")]
    [InlineData("  våld   barn  ", "våld barn")]
    [InlineData("👩‍👩‍👧 våld", "👩‍👩‍👧 våld")]
    [InlineData("a\u030a", "a\u030a")]
    [InlineData("\"14 kap. 1 §\" -hot*", "\"14 kap. 1 §\" -hot*")]
    public void Controls_broken_surrogates_and_direction_overrides_are_removed_first(string input, string expected) =>
        Assert.Equal(expected, InputText.Clean(input));

    [Fact]
    public void A_query_of_only_controls_is_an_empty_query()
    {
        var query = SearchQuery.FromQueryString(new Microsoft.AspNetCore.Http.QueryCollection(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?q=%00%01&amne=%00")));
        Assert.False(query.HasCriteria);
    }

    [Fact]
    public void Cutting_a_long_query_never_splits_a_surrogate_pair()
    {
        var text = new string('a', SearchQuery.MaxTextLength - 1) + "😀";
        var cut = SearchQuery.Bounded(text);
        Assert.Equal(SearchQuery.MaxTextLength - 1, cut.Length);
        Assert.False(char.IsHighSurrogate(cut[^1]));
    }
}

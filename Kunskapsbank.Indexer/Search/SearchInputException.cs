namespace Kunskapsbank.Indexer.Search;

/// <summary>The user's input cannot be searched (unknown facet, bad value); the message is Swedish and safe to show.</summary>
/// <param name="errorType">A stable slug (e.g. `okand-facett`) that becomes the ProblemDetails type.</param>
public sealed class SearchInputException(string errorType, string message) : Exception(message)
{
    /// <summary>Stable slug identifying the kind of error.</summary>
    public string ErrorType { get; } = errorType;
}

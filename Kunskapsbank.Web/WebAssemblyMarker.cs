namespace Kunskapsbank.Web;

/// <summary>Marks the Razor UI assembly so the host can add it as an application part.</summary>
public sealed class WebAssemblyMarker;

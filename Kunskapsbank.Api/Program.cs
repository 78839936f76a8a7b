// PLACEHOLDER host until the service issue lands: health only.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllersWithViews();

var app = builder.Build();
app.MapGet("/health/live", () => TypedResults.Ok(new { status = "ok" }));
app.Run();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;

// ON PURPOSE UNSAFE: see MeshPolicy.cs.
var builder = WebApplication.CreateBuilder(args);

// MESH107: the standard resilience handler retries 3 times in the app, on top of the mesh's 2 retries to
// unsafe-ledger: up to (3 + 1) x (2 + 1) = 12 requests per call reach a failing ledger.
builder.Services.AddHttpClient("unsafe-ledger", c => c.BaseAddress = new Uri("http://unsafe-ledger"))
    .AddStandardResilienceHandler();

var app = builder.Build();

// MESH100: a charge is not idempotent, and the service-level retry replays it on 5xx and reset.
app.MapPost("/charges", (Charge charge) => Results.Created($"/charges/{charge.Id}", charge));
app.MapGet("/charges/{id}", (string id) => Results.Ok(new Charge(id, 0)));

app.Run();

internal sealed record Charge(string Id, decimal Amount);

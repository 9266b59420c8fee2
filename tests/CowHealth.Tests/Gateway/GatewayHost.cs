using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using CowHealth.Gateway;
using CowHealth.ServiceDefaults;
using CowHealth.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CowHealth.Tests.Gateway;

/// <summary>
/// The Gateway as its Program.cs composes it, on a real Kestrel at 127.0.0.1 with an ephemeral
/// port, over the database a spec seeded, with a clock the spec sets.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly WebApplication _app;

    private GatewayHost(WebApplication app)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public static async Task<GatewayHost> StartAsync(
        CowHealthDb db, TimeProvider clock, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "CowHealth.Gateway",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Provider"] = db is PostgresCowHealthDb ? nameof(StorageProvider.Postgres) : nameof(StorageProvider.Sqlite),
            ["Storage:ConnectionString"] = db.Database.GetConnectionString(),
        }.Concat((settings ?? new Dictionary<string, string>()).Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))));
        builder.Services.AddSingleton(clock);
        builder.AddServiceDefaults();
        builder.AddGateway();
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGateway();
        await app.StartAsync();
        return new GatewayHost(app);
    }

    /// <summary>GETs <paramref name="url"/>, which must answer 200, and reads the body.</summary>
    public async Task<T> Get<T>(string url)
    {
        using var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>GETs <paramref name="url"/>, which must answer <paramref name="status"/> with a problem+json body.</summary>
    public async Task<ProblemBody> Problem(string url, HttpStatusCode status)
    {
        using var response = await Http.GetAsync(url);
        return await ProblemBody.ReadAsync(response, (int)status);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

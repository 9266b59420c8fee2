using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CowHealth.Connector.Accounts;
using Microsoft.Extensions.Options;

namespace CowHealth.Connector.Polling;

/// <summary>
/// Asks one vendor account for the readings after a cursor. Every way a poll can fail becomes a
/// <see cref="VendorUnavailableException"/> with a closed-set reason and the vendor's Retry-After,
/// so the poller has one thing to back off from.
/// </summary>
public sealed class VendorClient(IHttpClientFactory clients, IOptions<ConnectorOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "vendor";

    public async Task<VendorPage> ReadingsAfter(VendorAccountOptions account, long? since, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, AddressOf(account, since, settings.PageSize));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(account.ApiKey))
        {
            if (string.Equals(account.ApiKeyHeader, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(account.ApiKeyHeader, account.ApiKey);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new VendorUnavailableException(
                    PollFailure.Status,
                    $"{account.SafeAddress} answered {(int)response.StatusCode} {response.ReasonPhrase}",
                    RetryAfterOf(response));
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await JsonSerializer.DeserializeAsync(body, VendorJson.Default.VendorPage, timeout.Token)
                ?? throw new VendorUnavailableException(PollFailure.Malformed, $"{account.SafeAddress} answered null instead of a readings page");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VendorUnavailableException(PollFailure.Timeout, $"{account.SafeAddress} did not answer within {settings.RequestTimeout.TotalSeconds:0.#} s", inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new VendorUnavailableException(PollFailure.Network, $"{account.SafeAddress} could not be reached: {ex.HttpRequestError}", inner: ex);
        }
        catch (JsonException ex)
        {
            throw new VendorUnavailableException(PollFailure.Malformed, $"{account.SafeAddress} answered a body that is not a readings page ({ex.Path}: {ex.Message})", inner: ex);
        }
    }

    private static Uri AddressOf(VendorAccountOptions account, long? since, int pageSize)
    {
        var root = account.BaseUrl!.AbsoluteUri.EndsWith('/') ? account.BaseUrl : new Uri(account.BaseUrl.AbsoluteUri + "/");
        var query = since is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"api/readings?since={position}&limit={pageSize}")
            : string.Create(CultureInfo.InvariantCulture, $"api/readings?limit={pageSize}");
        return new Uri(root, query);
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}

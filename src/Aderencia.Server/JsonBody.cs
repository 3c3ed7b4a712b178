using System.IO.Pipelines;
using System.Text.Json;

namespace Aderencia.Server;

/// <summary>Reads a request body as one JSON document, refusing bodies over the limit (413) and malformed JSON (400).</summary>
public static class JsonBody
{
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) throw TooLarge(request.ContentLength.Value, limit);
        PipeReader reader = request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(ct);
                var buffer = result.Buffer;
                if (buffer.Length > limit)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    throw TooLarge(null, limit);
                }
                if (result.IsCompleted || result.IsCanceled)
                {
                    try
                    {
                        if (buffer.Length == 0) throw ApiProblemException.BadRequest("the request body is empty; send a JSON object (Content-Type: application/json)");
                        // JsonDocument keeps reading the memory it was parsed from, and the pipe's segments go back to
                        // the pool at AdvanceTo (to be refilled by other requests): parse a copy we own.
                        return JsonDocument.Parse(System.Buffers.BuffersExtensions.ToArray(buffer), new JsonDocumentOptions { MaxDepth = 32 });
                    }
                    catch (JsonException e)
                    {
                        throw ApiProblemException.BadRequest($"the body is not valid JSON: {e.Message}");
                    }
                    finally
                    {
                        reader.AdvanceTo(buffer.End);
                    }
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(null, limit);
        }
    }

    private static ApiProblemException TooLarge(long? length, long limit) =>
        ApiProblemException.TooLarge($"the request body {(length is { } n ? $"has {n:N0} bytes" : "is larger than the limit")}; the limit is {limit:N0} bytes");
}

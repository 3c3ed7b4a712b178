using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Aderencia.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Aderencia.Tests.Server;

public class JsonBodyTests
{
    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    private static HttpRequest Request(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(PipeReader.Create(new ReadOnlySequence<byte>(body))));
        context.Request.ContentLength = body.Length;
        return context.Request;
    }

    [Fact]
    public async Task The_document_outlives_the_request_buffer_it_was_read_from()
    {
        // Kestrel hands the pipe's memory back to its pool at AdvanceTo and refills it with other requests' bytes;
        // here the "pool" is overwritten by hand once the body has been read.
        var body = Encoding.UTF8.GetBytes("""{"nome_producao": "Manejo florestal", "uf_pesquisador": "ACRE"}""");
        using var doc = await JsonBody.ReadAsync(Request(body), limit: 1 << 20, CancellationToken.None);
        Array.Fill(body, (byte)' ');
        Assert.Equal("Manejo florestal", doc.RootElement.GetProperty("nome_producao").GetString());
        Assert.Equal("ACRE", doc.RootElement.GetProperty("uf_pesquisador").GetString());
    }

    [Fact]
    public async Task Bodies_over_the_limit_and_malformed_bodies_get_clear_problems()
    {
        var big = await Assert.ThrowsAsync<ApiProblemException>(() => JsonBody.ReadAsync(Request(new byte[100]), limit: 10, CancellationToken.None));
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, big.Status);
        var bad = await Assert.ThrowsAsync<ApiProblemException>(() => JsonBody.ReadAsync(Request("{\"a\": "u8.ToArray()), limit: 100, CancellationToken.None));
        Assert.Equal(StatusCodes.Status400BadRequest, bad.Status);
        Assert.Contains("not valid JSON", bad.Message);
    }
}

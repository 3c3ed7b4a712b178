using Microsoft.AspNetCore.Mvc;

namespace Aderencia.Server;

/// <summary>Writes RFC 7807 application/problem+json: status, title, a message that says what to fix, and never a stack trace.</summary>
public static class Problems
{
    public static Task Write(HttpContext ctx, int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = ctx.Request.Path };
        if (extensions is not null)
            foreach (var (k, v) in extensions) problem.Extensions[k] = v;
        return Results.Problem(problem).ExecuteAsync(ctx);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace ChannelBot.Web.Open311;

/// <summary>Writes an <see cref="Open311Document"/> as JSON or as XML (UTF-8, the spec's element names, no namespace).</summary>
internal static class Open311Writer
{
    public static IResult Result(Open311Document document, Open311Format format, int status = StatusCodes.Status200OK) =>
        format == Open311Format.Xml
            ? new Written(Xml(document), "text/xml; charset=utf-8", status)
            : new Written(Json(document), "application/json; charset=utf-8", status);

    public static byte[] Json(Open311Document document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteJson(writer, document.Body);
        }

        return stream.ToArray();
    }

    public static byte[] Xml(Open311Document document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(document.Root);
            WriteXmlContent(writer, document.Body);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case Open311Item item:
                writer.WriteStartObject();
                foreach (var (name, field) in item)
                {
                    writer.WritePropertyName(name);
                    WriteJson(writer, field);
                }

                writer.WriteEndObject();
                break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var entry in list.Items)
                {
                    WriteJson(writer, entry);
                }

                writer.WriteEndArray();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The children of an element: an item's fields as elements, or a list's entries as item elements.</summary>
    private static void WriteXmlContent(XmlWriter writer, object? value)
    {
        switch (value)
        {
            case Open311Item item:
                foreach (var (name, field) in item)
                {
                    writer.WriteStartElement(name);
                    WriteXmlContent(writer, field);
                    writer.WriteEndElement();
                }

                break;
            case Open311List list:
                foreach (var entry in list.Items)
                {
                    writer.WriteStartElement(list.ItemName);
                    WriteXmlContent(writer, entry);
                    writer.WriteEndElement();
                }

                break;
            case null:
                break;
            case bool flag:
                writer.WriteString(flag ? "true" : "false");
                break;
            case double number:
                writer.WriteString(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

/// <summary>Bytes already written, with their type and status.</summary>
internal sealed class Written(byte[] body, string contentType, int status) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>The answer's format, from the path's extension (<c>.json</c>, <c>.xml</c>).</summary>
internal enum Open311Format
{
    Json,
    Xml,
}

using ChannelBot.Domain.Cases;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChannelBot.Infrastructure.Persistence.Conversion;

/// <summary>Stores a case's attribute answers as a JSON text column (read with the case, never filtered on).</summary>
public sealed class CaseAttributesConverter : ValueConverter<IReadOnlyList<CaseAttribute>, string>
{
    public CaseAttributesConverter()
        : base(attributes => CaseAttributesJson.Serialize(attributes), json => CaseAttributesJson.Deserialize(json))
    {
    }
}

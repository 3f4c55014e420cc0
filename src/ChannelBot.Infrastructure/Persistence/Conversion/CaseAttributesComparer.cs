using ChannelBot.Domain.Cases;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChannelBot.Infrastructure.Persistence.Conversion;

/// <summary>Compares attribute lists by content (their JSON), so change tracking sees a replaced list but not a re-read one.</summary>
public sealed class CaseAttributesComparer : ValueComparer<IReadOnlyList<CaseAttribute>>
{
    public CaseAttributesComparer()
        : base(
            (left, right) => CaseAttributesJson.Serialize(left!) == CaseAttributesJson.Serialize(right!),
            attributes => CaseAttributesJson.Serialize(attributes).GetHashCode(StringComparison.Ordinal),
            attributes => CaseAttributesJson.Deserialize(CaseAttributesJson.Serialize(attributes)))
    {
    }
}

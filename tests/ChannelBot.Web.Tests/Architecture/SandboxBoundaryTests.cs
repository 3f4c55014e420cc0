using System.Reflection;

namespace ChannelBot.Web.Tests.Architecture;

/// <summary>
/// The Development sandbox lives in one place (issue 12): ChannelBot.Sandbox, referenced only by the composition
/// root. No other production assembly references it or defines a sandbox type of its own, so production code cannot
/// branch on it.
/// </summary>
public sealed class SandboxBoundaryTests
{
    private const string SandboxAssembly = "ChannelBot.Sandbox";

    private const string CompositionRoot = "ChannelBot.Web";

    [Fact]
    public void Only_the_composition_root_references_the_sandbox_and_no_other_production_assembly_defines_a_sandbox_type()
    {
        var production = ProductionAssemblies();

        Assert.Contains(SandboxAssembly, production.Keys);
        Assert.Superset(
            new HashSet<string>(["ChannelBot.Schema", "ChannelBot.Geo", "ChannelBot.Dialogs", "ChannelBot.Domain", "ChannelBot.Application", "ChannelBot.Infrastructure", "ChannelBot.Channels", CompositionRoot]),
            new HashSet<string>(production.Keys));
        var offences = new List<string>();
        foreach (var (name, assembly) in production.Where(p => p.Key != SandboxAssembly))
        {
            if (name != CompositionRoot && assembly.GetReferencedAssemblies().Any(r => r.Name == SandboxAssembly))
            {
                offences.Add($"{name} references {SandboxAssembly}");
            }

            offences.AddRange(assembly.GetTypes()
                .Where(t => t.Name.Contains("sandbox", StringComparison.OrdinalIgnoreCase) || (t.Namespace?.Contains("sandbox", StringComparison.OrdinalIgnoreCase) ?? false))
                .Select(t => $"{name} defines {t.FullName}"));
        }

        Assert.Empty(offences);
        Assert.Contains(production[CompositionRoot].GetReferencedAssemblies(), r => r.Name == SandboxAssembly);
    }

    /// <summary>Every ChannelBot assembly the app loads, by name: the web app and, transitively, what it references.</summary>
    private static Dictionary<string, Assembly> ProductionAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(Program).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("ChannelBot.", StringComparison.Ordinal) == true))
            {
                if (!found.ContainsKey(reference.Name!))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return found;
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The service recognizer and the emergency recognizer of one set of dialog files, built when an engine is built
/// (at start-up, before the app reports ready, and on each reload) and shared by every engine whose files teach
/// the same things: the models are keyed by a fingerprint of every text and label they learn from, so a reload
/// that changed only a question, or a test building many engines, does not train again. The last few sets are
/// kept.
/// </summary>
internal sealed class UnderstandingModels
{
    private const int Kept = 4;
    private static readonly ConcurrentDictionary<string, Lazy<UnderstandingModels>> _built = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> _order = new();

    private UnderstandingModels(DialogDefinitions definitions)
    {
        Services = new ServiceRecognizer(definitions.Catalog);
        Emergency = new EmergencyRecognizer(definitions.Interrupts.Emergency, definitions.Catalog);
    }

    public ServiceRecognizer Services { get; }

    public EmergencyRecognizer Emergency { get; }

    public static UnderstandingModels For(DialogDefinitions definitions)
    {
        var key = Fingerprint(definitions);
        var lazy = _built.GetOrAdd(key, _ =>
        {
            _order.Enqueue(key);
            return new Lazy<UnderstandingModels>(() => new UnderstandingModels(definitions), LazyThreadSafetyMode.ExecutionAndPublication);
        });
        while (_order.Count > Kept && _order.TryDequeue(out var oldest))
        {
            _built.TryRemove(oldest, out _);
        }

        return lazy.Value;
    }

    private static string Fingerprint(DialogDefinitions definitions)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        void AddList(string label, LocalizedList list)
        {
            Add(label);
            foreach (var (language, items) in list.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Add(language);
                items.ForEach(Add);
            }
        }

        foreach (var service in definitions.Catalog.Services)
        {
            Add(service.Code);
            foreach (var (language, name) in service.Name.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Add(language);
                Add(name);
            }

            AddList("keywords", service.Keywords);
            AddList("examples", service.Examples);
            foreach (var attribute in service.Attributes)
            {
                // Answer synonyms feed the keyword path.
                foreach (var value in attribute.Values)
                {
                    Add(value.Key);
                    AddList("synonyms", value.Synonyms);
                    foreach (var (language, name) in value.Name.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        Add(language);
                        Add(name);
                    }
                }
            }
        }

        var screen = definitions.Interrupts.Emergency;
        AddList("phrases", screen.Phrases);
        AddList("except", screen.Except);
        AddList("emergencies", screen.Examples);
        AddList("notEmergencies", screen.NotEmergencies);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

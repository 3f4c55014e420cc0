using System.Globalization;
using System.Text;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Understanding;

namespace ChannelBot.Benchmarks.Understanding;

/// <summary>
/// <c>understanding --cross-validate</c>: how the numbers of UnderstandingThresholds were chosen, reproducibly and
/// from the dialog files alone (the evaluation sets are not read). Each labelled text of the files is held out in
/// one of <see cref="Folds"/> folds, scored by models trained on the other folds, and the decisions are tried with
/// several settings: the share of the embedding vote per language and the confidence rule for services; the gate,
/// thresholds and phrase rule for emergencies.
/// </summary>
internal static class CrossValidation
{
    private const int Folds = 5;

    public static string Run(DialogDefinitions definitions)
    {
        var md = new StringBuilder("# Understanding: how the settings were chosen\n\n");
        md.AppendLine("Written by `dotnet run -c Release --project bench/ChannelBot.Benchmarks -- understanding --cross-validate --out docs/understanding/cross-validation.md`. The numbers of `src/ChannelBot.Dialogs/Understanding/UnderstandingThresholds.cs` come from these tables; the evaluation sets in tests/ are not read here.");
        md.AppendLine().AppendLine("## Cross-validation on the dialog files' own examples").AppendLine();
        md.AppendLine(Invariant($"{Folds} folds: every example is scored by models trained without it (keywords and names stay in every fold)."));
        Services(definitions, md);
        Emergencies(definitions, md);
        return md.ToString();
    }

    private static void Services(DialogDefinitions definitions, StringBuilder md)
    {
        var services = definitions.Catalog.Services;
        var examples = services.SelectMany((s, i) => s.Examples.SelectMany(p => p.Value.Select(t => (Text: t, Label: i, Language: p.Key)))).ToList();
        var fixedTexts = services.SelectMany((s, i) => s.Keywords.All.Concat(s.Name.Values).Select(t => (Text: t, Label: i))).ToList();
        var held = new List<(int Label, string Language, double[] Nearest, double[] Words)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = examples.Where((_, i) => i % Folds != fold).Select(e => (e.Text, e.Label)).Concat(fixedTexts).ToList();
            var model = new ServiceModel(services, training);
            foreach (var e in examples.Where((_, i) => i % Folds == fold))
            {
                var utterance = new Utterance(e.Text);
                var (nearest, words) = model.Parts(utterance.Embedding, utterance.Features);
                held.Add((e.Label, e.Language, nearest, words));
            }
        }

        md.AppendLine().AppendLine("### Services: share of the embedding vote (top-1 / top-3 of held-out examples)").AppendLine();
        md.AppendLine("| share | en | es |").AppendLine("|---:|---|---|");
        foreach (var share in new[] { 0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0 })
        {
            var cells = new[] { "en", "es" }.Select(language =>
            {
                var rows = held.Where(h => h.Language == language).Select(h => (h.Label, P: Mix(h.Nearest, h.Words, share))).ToList();
                return Invariant($"{Share(rows.Count(r => Rank(r.P)[0] == r.Label), rows.Count):F1} / {Share(rows.Count(r => Rank(r.P).Take(3).Contains(r.Label)), rows.Count):F1}");
            });
            md.AppendLine(Invariant($"| {share:F1} | {string.Join(" | ", cells)} |"));
        }

        md.AppendLine().AppendLine("### Services: when to take the best without asking (with the chosen shares)").AppendLine();
        md.AppendLine("| minimum | lead over runner-up | taken | right when taken |").AppendLine("|---:|---:|---:|---:|");
        var mixed = held.Select(h => (h.Label, P: Mix(h.Nearest, h.Words, UnderstandingThresholds.EmbeddingShare(h.Language)))).ToList();
        foreach (var minimum in new[] { 0.4, 0.5, 0.6, 0.7 })
        {
            foreach (var lead in new[] { 1.5, 2.0, 3.0, 5.0 })
            {
                var taken = mixed.Where(m =>
                {
                    var order = Rank(m.P);
                    return m.P[order[0]] >= minimum && m.P[order[0]] >= lead * m.P[order[1]];
                }).ToList();
                md.AppendLine(Invariant($"| {minimum:F1} | {lead:F1} | {Share(taken.Count, mixed.Count):F1} % | {Share(taken.Count(t => Rank(t.P)[0] == t.Label), taken.Count):F1} % |"));
            }
        }
    }

    private static void Emergencies(DialogDefinitions definitions, StringBuilder md)
    {
        var screen = definitions.Interrupts.Emergency;
        var all = EmergencyModel.TrainingSet(screen, definitions.Catalog);
        var tricky = new HashSet<string>(screen.NotEmergencies.All, StringComparer.Ordinal);
        var noGate = EmergencyPolicy.NoGate;
        var held = new List<(string Text, int Label, EmergencyScores Scores)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var recognizer = new EmergencyRecognizer(screen, new EmergencyModel([.. all.Where((_, i) => i % Folds != fold)]));
            foreach (var (text, label) in all.Where((_, i) => i % Folds == fold))
            {
                held.Add((text, label, recognizer.Scores(new Utterance(text), recognizer.HasPhrase(text), noGate, recognizer.FindPhrase(text).Cancelled is not null)));
            }
        }

        var positives = held.Count(h => h.Label == 1);
        var hard = held.Count(h => h.Label == 0 && tricky.Contains(h.Text));
        var easy = held.Count(h => h.Label == 0 && !tricky.Contains(h.Text));
        md.AppendLine().AppendLine(Invariant($"### Emergencies: {positives} emergencies, {hard} not-emergencies, {easy} service examples held out")).AppendLine();
        md.AppendLine("| gate | minimum | phrase overruled below | one sentence | recall | false alarms (not-emergencies) | false alarms (service examples) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        var rows = new List<(EmergencyPolicy Policy, double Recall, double Hard, double Easy)>();
        foreach (var gate in new[] { UnderstandingThresholds.EmergencyGate })
        {
            foreach (var minimum in new[] { 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6 })
            {
                foreach (var phrase in new[] { 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5 })
                {
                    foreach (var sentence in new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 1.1 })
                    {
                        var policy = new EmergencyPolicy(gate, minimum, phrase, sentence, UnderstandingThresholds.CancelledPhraseMinimum);
                        rows.Add((policy,
                            Share(held.Count(h => h.Label == 1 && policy.IsEmergency(h.Scores)), positives),
                            Share(held.Count(h => h.Label == 0 && tricky.Contains(h.Text) && policy.IsEmergency(h.Scores)), hard),
                            Share(held.Count(h => h.Label == 0 && !tricky.Contains(h.Text) && policy.IsEmergency(h.Scores)), easy)));
                    }
                }
            }
        }

        // The gate is a cost setting, not tried here: below it the word model alone decides, so short answers ("yes",
        // "123 Main St", "send it") are not embedded; UnderstandingThresholds.EmergencyGate says why 0.1.
        // The setting chosen is the one with the most recall minus false alarms on the not-emergencies (both in points),
        // among those where a listed phrase never needs a higher score than a message without one (the list the city
        // keeps is evidence for an emergency, not against). Listed: the best recall for each level of false alarms
        // (the frontier), the chosen one marked.
        var frontier = rows.OrderBy(r => r.Hard).ThenByDescending(r => r.Recall).ThenBy(r => r.Easy)
            .Aggregate(new List<(EmergencyPolicy Policy, double Recall, double Hard, double Easy)>(), (list, r) =>
            {
                if (list.Count == 0 || r.Recall > list[^1].Recall)
                {
                    list.Add(r);
                }

                return list;
            });
        var chosenRow = rows.Where(r => r.Policy.PhraseOverruled <= r.Policy.Minimum)
            .OrderByDescending(r => r.Recall - r.Hard).ThenBy(r => r.Easy).ThenByDescending(r => r.Policy.Gate).First();
        if (!frontier.Contains(chosenRow))
        {
            frontier.Add(chosenRow);
            frontier.Sort((a, b) => a.Hard.CompareTo(b.Hard));
        }
        foreach (var (policy, recall, hardRate, easyRate) in frontier.Where(r => r.Recall >= 80))
        {
            var chosen = policy == chosenRow.Policy ? " **chosen**" : string.Empty;
            md.AppendLine(Invariant($"| {policy.Gate:F2} | {policy.Minimum:F2} | {policy.PhraseOverruled:F2} | {(policy.SentenceMinimum > 1 ? "off" : policy.SentenceMinimum.ToString("F2", CultureInfo.InvariantCulture))}{chosen} | {recall:F1} % | {hardRate:F1} % | {easyRate:F2} % |"));
        }

        md.AppendLine().AppendLine(Invariant($"Chosen by the rule: gate {chosenRow.Policy.Gate:F2}, minimum {chosenRow.Policy.Minimum:F2}, phrase overruled below {chosenRow.Policy.PhraseOverruled:F2}, one sentence {chosenRow.Policy.SentenceMinimum:F2}."));

        var current = rows.FirstOrDefault(r => r.Policy == EmergencyPolicy.Default);
        if (current.Policy is not null)
        {
            md.AppendLine().AppendLine(Invariant($"Chosen setting: recall {current.Recall:F1} %, false alarms {current.Hard:F1} % (not-emergencies), {current.Easy:F2} % (service examples)."));
        }
    }

    private static double[] Mix(double[] nearest, double[] words, double share) =>
        [.. nearest.Select((n, i) => (share * n) + ((1 - share) * words[i]))];

    private static int[] Rank(double[] p) => [.. Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).ThenBy(i => i)];

    private static double Share(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

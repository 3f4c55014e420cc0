namespace ChannelBot.Testing.Fuzz;

/// <summary>What the hostile-input generator needs to reach past each ingress's checks (so the parsers behind them are exercised).</summary>
/// <param name="TwilioAuthToken">Twilio's auth token, to sign the webhooks.</param>
/// <param name="TwilioPublicBaseUrl">The public origin Twilio signs webhooks over (<c>Twilio:PublicBaseUrl</c>).</param>
/// <param name="TwilioAccountSid">The account the webhooks name.</param>
/// <param name="MetaAppSecret">Meta's app secret, to sign webhook bodies.</param>
/// <param name="StaffApiKey">An operator's API key for the staff API.</param>
/// <param name="ServiceUrl">A loopback serviceUrl for Emulator-style activities.</param>
public sealed record FuzzTargets(
    string TwilioAuthToken,
    string TwilioPublicBaseUrl,
    string TwilioAccountSid,
    string MetaAppSecret,
    string StaffApiKey,
    string ServiceUrl);

namespace ChannelBot.Channels.Email;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum EmailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which is required (port 587, the usual submission port).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS at all: only for a relay on the same host or a private network (and tests).</summary>
    None,
}

using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Classroom.Web.Features.Account;

/// <summary>
/// Outgoing mail (section "Mail"). With an SMTP host, mail is sent; with a pickup folder, each message is
/// written there as an .eml file a person can open (the default in Development). With neither, the site
/// sends no mail and forgotten passwords are fixed with reset codes.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "Classroom <no-reply@localhost>";
    public string? PickupFolder { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>StartTls (587), SslOnConnect (465), or None (a relay on the local network).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(PickupFolder);
}

public sealed class Mailer(IOptions<MailOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    public async Task SendAsync(string to, string subject, string text, CancellationToken cancel = default)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        if (!string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, o.Security, cancel);
            if (!string.IsNullOrEmpty(o.SmtpUser)) await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", cancel);
            await smtp.SendAsync(message, cancel);
            await smtp.DisconnectAsync(true, cancel);
            return;
        }
        if (!string.IsNullOrWhiteSpace(o.PickupFolder))
        {
            Directory.CreateDirectory(o.PickupFolder);
            var path = Path.Combine(o.PickupFolder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancel);
            return;
        }
        throw new InvalidOperationException("No mail is configured (Mail:SmtpHost or Mail:PickupFolder).");
    }
}

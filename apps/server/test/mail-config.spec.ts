import { configFromEnv } from '../src/config';

describe('mail configuration', () => {
  it('has no mail without SMTP_URL, and livechat@localhost as the default sender', () => {
    expect(configFromEnv({})).toMatchObject({ smtpUrl: undefined, mailFrom: 'livechat@localhost' });
    expect(configFromEnv({}).rateLimits).toMatchObject({ transcriptMailsPerSession: 3, transcriptMailsPerHour: 10 });
  });

  it('reads SMTP_URL, MAIL_FROM and the transcript mail limits', () => {
    const config = configFromEnv({ SMTP_URL: 'smtps://u:secret@mail.example.com:465', MAIL_FROM: 'Support <support@example.com>', RATE_LIMIT_TRANSCRIPT_MAILS_PER_SESSION: '5', RATE_LIMIT_TRANSCRIPT_MAILS_PER_HOUR: '20' });
    expect(config).toMatchObject({ smtpUrl: 'smtps://u:secret@mail.example.com:465', mailFrom: 'Support <support@example.com>' });
    expect(config.rateLimits).toMatchObject({ transcriptMailsPerSession: 5, transcriptMailsPerHour: 20 });
  });

  it('refuses an SMTP_URL that is not smtp(s), without echoing it (it may hold a password)', () => {
    expect(() => configFromEnv({ SMTP_URL: 'http://u:secret@mail.example.com' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => configFromEnv({ SMTP_URL: 'http://u:secret@mail.example.com' })).not.toThrow(/secret/);
    expect(() => configFromEnv({ SMTP_URL: 'not a url secret' })).not.toThrow(/secret/);
  });
});

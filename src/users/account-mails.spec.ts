import { renderMail } from '../mail/mail-templates';
import { mailInstant } from './invitation-mail';

describe('account mails', () => {
  const url = 'https://gardefou.example/invite?token=abc&x=1';

  it.each([
    ['fr', 'Atelier Lumen vous invite sur Gardefou', 'Choisir mon mot de passe', '18:05'],
    ['en', 'Atelier Lumen invites you to Gardefou', 'Choose my password', '6:05 PM'],
  ] as const)('invites in %s, with the link in both bodies', (locale, subject, button, time) => {
    const mail = renderMail('invitation', locale, 'mail-account.invitation.subject', {
      practice: 'Atelier Lumen',
      practiceName: 'Atelier Lumen',
      name: 'Léa <Roux>',
      role: 'client',
      url,
      expires: mailInstant(new Date('2026-12-14T17:05:00Z'), locale, 'Europe/Paris'),
    });
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(url);
    expect(mail.text).toContain('Léa <Roux>');
    expect(mail.text).toContain(button);
    expect(mail.html).toContain(`href="${url.replace('&', '&amp;')}"`);
    expect(mail.html).toContain('Léa &lt;Roux&gt;');
    expect(mail.html).toContain(`<html lang="${locale}">`);
    // The end of the link's life, in the practice's zone (17:05 UTC is 18:05 in Paris).
    expect(mail.text).toContain(time);
    expect(mail.text).toContain('Atelier Lumen');
  });

  it.each([
    ['fr', 'Choisir un nouveau mot de passe', '60 minutes'],
    ['en', 'Choose a new password', '60 minutes'],
  ] as const)(
    'sends a password reset in %s, saying how long the link lasts',
    (locale, subject, ttl) => {
      const reset = 'https://gardefou.example/reset-password?token=xyz';
      const mail = renderMail('password-reset', locale, 'mail-account.reset.subject', {
        practiceName: 'Atelier Lumen',
        name: 'Léa Roux',
        email: 'lea@example.com',
        url: reset,
        minutes: 60,
      });
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(reset);
      expect(mail.text).toContain(ttl);
      expect(mail.html).toContain(`href="${reset}"`);
      expect(mail.text).toContain('lea@example.com');
    },
  );
});

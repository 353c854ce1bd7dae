import { Provider } from '@nestjs/common';
import { alertSubscriptionSettingsFrom } from './alert-subscription-settings';
import { NotifierSubscribersClient } from './notifier-subscribers-client';
import { RegisterAlertSubscription } from './register-alert-subscription.use-case';

type Config = Parameters<typeof alertSubscriptionSettingsFrom>[0];

/** What AlertSubscriptionHandler needs; the client is null (the feature off) without NOTIFIER_URL and keys. */
export function alertSubscriptionProviders(config: Config): Provider[] {
  const settings = alertSubscriptionSettingsFrom(config);
  return [
    {
      provide: NotifierSubscribersClient,
      useFactory: () => (settings ? new NotifierSubscribersClient(settings) : null),
    },
    RegisterAlertSubscription,
  ];
}

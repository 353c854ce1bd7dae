import { DynamicModule, Global, Module } from '@nestjs/common';
import { BlindIndex } from './blind-index';
import { FieldCipher } from './field-cipher';

export interface PersonalDataKeys {
  PII_KEYS: ReadonlyMap<string, Buffer>;
  PII_ACTIVE_KEY_ID: string;
  BLIND_INDEX_KEY: Buffer;
}

/** FieldCipher and BlindIndex with the keys from config, for the apps that store personal data. */
@Global()
@Module({})
export class PersonalDataModule {
  static forRoot(keys: PersonalDataKeys): DynamicModule {
    return {
      module: PersonalDataModule,
      providers: [
        { provide: FieldCipher, useValue: new FieldCipher(keys.PII_KEYS, keys.PII_ACTIVE_KEY_ID) },
        { provide: BlindIndex, useValue: new BlindIndex(keys.BLIND_INDEX_KEY) },
      ],
      exports: [FieldCipher, BlindIndex],
    };
  }
}

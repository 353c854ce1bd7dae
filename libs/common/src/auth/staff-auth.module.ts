import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { StaffAuthGuard } from './staff-auth.guard';

/** Verifies (and, in gateway, signs) staff access tokens with JWT_SECRET. */
@Global()
@Module({})
export class StaffAuthModule {
  static forRoot(secret: string, expiresInSeconds = 8 * 3600): DynamicModule {
    return {
      module: StaffAuthModule,
      imports: [JwtModule.register({ secret, signOptions: { algorithm: 'HS256', expiresIn: expiresInSeconds } })],
      providers: [StaffAuthGuard],
      exports: [JwtModule, StaffAuthGuard],
    };
  }
}

import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticeModule } from '../practice/practice.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtSecret } from './jwt-secret.service';
import { LockOut } from './lock-out.service';
import { LoginFailure } from './login-attempt.entity';
import { PasswordResetController } from './password-reset.controller';
import { PasswordReset } from './password-reset.service';
import { ServerSecret } from './server-secret.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([LoginFailure, ServerSecret]),
    // No secret here: the module is built before migrations run; AuthService passes JwtSecret's
    // secret with each call.
    JwtModule.register({
      signOptions: { algorithm: 'HS256', issuer: 'gardefou' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'gardefou' },
    }),
    PracticeModule,
    UsersModule,
  ],
  controllers: [AuthController, PasswordResetController],
  providers: [AuthService, JwtSecret, LockOut, PasswordReset],
  exports: [AuthService, PasswordReset],
})
export class AuthModule {}

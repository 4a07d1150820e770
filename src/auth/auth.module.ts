import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '../common/app-config.service';
import { PracticeModule } from '../practice/practice.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginFailure } from './login-attempt.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([LoginFailure]),
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        secret: config.jwtSecret(),
        signOptions: { algorithm: 'HS256', issuer: 'gardefou' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'gardefou' },
      }),
    }),
    PracticeModule,
    UsersModule,
  ],
  controllers: [AuthController],
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}

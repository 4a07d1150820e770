import { Nested } from '../../common/validation';
import { ApiProperty } from '@nestjs/swagger';

import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { PracticeDto } from '../../practice/dto/practice.dto';

const PASSWORD_RULE = 'password must be at least 12 characters';

export class SetupDto {
  @ApiProperty() @IsEmail() readonly email!: string;
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: PASSWORD_RULE })
  @MaxLength(200)
  readonly password!: string;
  @ApiProperty() @IsString() @Length(1, 200) readonly displayName!: string;
  @ApiProperty({ type: PracticeDto })
  @Nested(() => PracticeDto)
  readonly practice!: PracticeDto;
}

export class LoginDto {
  @ApiProperty() @IsEmail() readonly email!: string;
  @ApiProperty() @IsString() @Length(1, 200) readonly password!: string;
}

export class AcceptInviteDto {
  @ApiProperty() @IsString() @Length(20, 200) readonly token!: string;
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: PASSWORD_RULE })
  @MaxLength(200)
  readonly password!: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @Length(1, 200) readonly currentPassword!: string;
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters' })
  @MaxLength(200)
  readonly newPassword!: string;
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['consultant', 'client', 'accountant'] }) role!: string;
  @ApiProperty({ nullable: true, type: String }) clientId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'false while an invited user has not chosen a password yet' })
  passwordSet!: boolean;
  @ApiProperty() createdAt!: string;
}

export class SessionView {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserView }) user!: UserView;
}

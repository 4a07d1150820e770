import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { ROLES } from '../../common/domain';
import type { Role } from '../../common/domain';
import { UserView } from '../../auth/dto/auth.dto';
import { LOCALES, type Locale } from '../../i18n/catalogue';

export class CreateUserDto {
  @ApiProperty() @IsEmail() readonly email!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) readonly role!: Role;
  @ApiPropertyOptional({ description: 'Required for a client user: the company it belongs to' })
  @ValidateIf((o: CreateUserDto) => o.role === 'client' || o.clientId !== undefined)
  @IsUUID('all', { message: 'clientId is required for a client user and must be a UUID' })
  readonly clientId?: string;
  @ApiProperty() @IsString() @Length(1, 200) readonly displayName!: string;
  @ApiPropertyOptional({
    enum: LOCALES,
    description:
      'The language of their mail, the invitation first; default: their company’s, else the practice’s',
  })
  @IsOptional()
  @IsIn(LOCALES)
  readonly locale?: Locale;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) readonly role!: Role;
  @ApiPropertyOptional({
    description:
      'Required for the client role: the company the user belongs to; cleared for any other role',
  })
  @ValidateIf((o: ChangeRoleDto) => o.clientId !== undefined && o.clientId !== null)
  @IsUUID('all')
  readonly clientId?: string | null;
}

export class InvitedUserView {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({ description: 'One-time token to give to the user; it expires' })
  inviteToken!: string;
  @ApiProperty() inviteExpiresAt!: string;
}

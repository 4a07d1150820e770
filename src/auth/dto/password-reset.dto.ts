import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';

export class PasswordResetRequestDto {
  @ApiProperty({ description: 'The address of the account; the answer is the same for any' })
  @IsEmail()
  @MaxLength(254)
  readonly email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token of the link the mail carried' })
  @IsString()
  @Length(20, 200)
  readonly token!: string;
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  readonly password!: string;
}

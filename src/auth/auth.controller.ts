import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import {
  ApiConflict,
  ApiErrorResponses,
  ApiInvalidResponse,
  ApiRefusedCredentialsResponse,
  ApiThrottled,
} from '../common/openapi';
import { PublicUser } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthUser, CurrentUser, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import {
  AcceptInviteDto,
  ChangePasswordDto,
  LoginDto,
  SessionView,
  SetupDto,
  UserView,
} from './dto/auth.dto';

/** Sign-in routes: throttled per address on top of the per-email lock-out. */
const AUTH_THROTTLE = { default: { limit: 30, ttl: 60_000 } };
const THROTTLED = 'More than 30 attempts a minute from one address';
const LOCKED = '5 failures for an email within 15 minutes lock it for 15 minutes';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Throttle(AUTH_THROTTLE)
  @Post('setup')
  @ApiOperation({
    summary: 'Create the first consultant and the practice (only while no user exists)',
  })
  @ApiCreatedResponse({ type: SessionView })
  @ApiInvalidResponse()
  @ApiConflict('Already set up')
  @ApiThrottled(THROTTLED)
  setup(@Body() dto: SetupDto): Promise<SessionView> {
    return this.auth.setup(dto);
  }

  @Public()
  @Throttle(AUTH_THROTTLE)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in; 5 failures for an email within 15 minutes lock it for 15 minutes',
  })
  @ApiOkResponse({ type: SessionView })
  @ApiInvalidResponse()
  @ApiRefusedCredentialsResponse('Wrong email or password')
  @ApiThrottled(`${LOCKED}; ${THROTTLED.toLowerCase()}`)
  login(@Body() dto: LoginDto): Promise<SessionView> {
    return this.auth.login(dto);
  }

  @Public()
  @Throttle(AUTH_THROTTLE)
  @Post('accept-invite')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a password with a one-time invite token' })
  @ApiOkResponse({ type: SessionView })
  @ApiInvalidResponse()
  @ApiRefusedCredentialsResponse('The invitation is invalid or has expired')
  @ApiThrottled(THROTTLED)
  acceptInvite(@Body() dto: AcceptInviteDto): Promise<SessionView> {
    return this.auth.acceptInvite(dto);
  }

  @Throttle(AUTH_THROTTLE)
  @Post('password')
  @HttpCode(204)
  @Roles('consultant', 'client', 'accountant')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change your password (at least 12 characters); a wrong current password counts as a failed sign-in',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiRefusedCredentialsResponse('Wrong current password')
  @ApiThrottled(`${LOCKED}; ${THROTTLED.toLowerCase()}`)
  @ApiErrorResponses()
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto);
  }

  @Get('me')
  @Roles('consultant', 'client', 'accountant')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponses()
  me(@CurrentUser() user: AuthUser): Promise<PublicUser> {
    return this.users.me(user);
  }
}

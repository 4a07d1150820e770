import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { UserView } from '../auth/dto/auth.dto';
import { ApiConflict, ApiErrorResponses, PageOf } from '../common/openapi';
import { Page, PageQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { ChangeRoleDto, CreateUserDto, InvitedUserView } from './dto/users.dto';
import { PublicUser } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiErrorResponses()
@Roles('consultant')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Invite a user (client, accountant or consultant); returns a one-time token',
  })
  @ApiCreatedResponse({ type: InvitedUserView })
  @ApiConflict('A user with this email already exists')
  invite(@Body() dto: CreateUserDto): Promise<InvitedUserView> {
    return this.users.invite(dto);
  }

  @Post(':id/invite')
  @ApiOperation({
    summary:
      'Invite again a user who has not set a password: a new one-time token, the previous one stops working',
  })
  @ApiCreatedResponse({ type: InvitedUserView })
  @ApiConflict('The user has already set a password, or is deactivated')
  reinvite(@UuidParam() id: string): Promise<InvitedUserView> {
    return this.users.reinvite(id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a deactivated user again' })
  @ApiOkResponse({ type: UserView })
  activate(@UuidParam() id: string): Promise<PublicUser> {
    return this.users.activate(id);
  }

  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: PageOf(UserView) })
  list(@Query() query: PageQuery): Promise<Page<PublicUser>> {
    return this.users.list(query);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change a user’s role (and company, for the client role); their tokens stop working at once',
  })
  @ApiOkResponse({ type: UserView })
  @ApiConflict(
    'You cannot change your own role, and the practice keeps at least one active consultant',
  )
  changeRole(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<PublicUser> {
    return this.users.changeRole(viewer, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a user; their tokens stop working at once' })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiConflict('You cannot deactivate your own account')
  deactivate(@CurrentUser() viewer: AuthUser, @UuidParam() id: string): Promise<void> {
    return this.users.deactivate(viewer, id);
  }
}

import { Body, Controller, Get, Patch, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiRoute, type AuthUser, CurrentUser, IdParam, RequireGroups, tokenOf } from '@lc/platform/server';
import { CreateUserDto, UpdateUserDto, type User } from '@lc/protocol';
import { UsersService } from '../users.service';

@RequireGroups('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiRoute('Every user, archived ones included', { returns: ['User'] })
  @Get()
  list(): Promise<User[]> {
    return this.users.list();
  }

  @ApiRoute('Create a user', { status: 201, returns: 'User', errors: { 409: 'The login is taken' } })
  @Post()
  async create(@Body() body: CreateUserDto): Promise<User> {
    return this.users.toDto(await this.users.create(body));
  }

  /** An admin who sets their own password here stays signed in on this session, as with /api/me/password. */
  @ApiRoute('Change a user (name, password, groups, language, archived)', { returns: 'User', errors: { 409: 'Taking admin from, or archiving, the last active admin' } })
  @Patch(':id')
  async update(@IdParam() id: number, @Body() body: UpdateUserDto, @CurrentUser() me: AuthUser, @Req() request: Request): Promise<User> {
    return this.users.toDto(await this.users.update(id, body, id === me.id ? tokenOf(request) : undefined));
  }
}

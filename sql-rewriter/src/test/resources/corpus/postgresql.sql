-- The golden corpus for this dialect: see CorpusTest for the format. The source table is users
-- (id, name, email, status, legacy_flag), the target users_v2 (id, full_name, email, status_code,
-- created_at); name is renamed full_name, legacy_flag is source-only, status becomes status_code
-- through CAST both ways, created_at is target-only. orders (order_id, user_id, total, state) and
-- user_roles (user_id, role) are not migrated.


@@ hibernate 6: find by id
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id=?
@@binds 2
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.id=?

@@ hibernate 6: find by id, entity maps legacy_flag
select u1_0.id,u1_0.email,u1_0.legacy_flag,u1_0.name,u1_0.status from users u1_0 where u1_0.id=?
@@binds 1
@@analysis READ source users@70
@@refused column legacy_flag of users is not in users_v2

@@ hibernate 6: find all paged
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 order by u1_0.id offset ? rows fetch first ? rows only
@@binds 1, 3
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 order by u1_0.id offset ? rows fetch first ? rows only

@@ hibernate 6: first page, fetch first only
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 order by u1_0.name fetch first ? rows only
@@binds 2
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 order by u1_0.full_name fetch first ? rows only

@@ hibernate 6: find by name
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.name=?
@@binds 'bob'
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.full_name=?

@@ hibernate 6: count by status
select count(u1_0.id) from users u1_0 where u1_0.status=?
@@binds 1
@@analysis READ source users@27
@@rewritten
select count(u1_0.id) from users_v2 u1_0 where (CAST(u1_0.status_code AS INT))=?

@@ hibernate 6: count(*)
select count(*) from users u1_0
@@analysis READ source users@21
@@rewritten
select count(*) from users_v2 u1_0

@@ hibernate 6: exists by email
select u1_0.id from users u1_0 where u1_0.email=? fetch first ? rows only
@@binds 'ann@x.io', 1
@@analysis READ source users@20
@@rewritten
select u1_0.id from users_v2 u1_0 where u1_0.email=? fetch first ? rows only

@@ hibernate 6: find by id in list
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id in (?,?,?)
@@binds 1, 3, 5
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.id in (?,?,?)

@@ hibernate 6: containing, like with escape
select u1_0.id,u1_0.name from users u1_0 where u1_0.name like ? escape '\'
@@binds '%e%'
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.full_name like ? escape '\'

@@ hibernate 6: ignore case containing
select u1_0.id,u1_0.name from users u1_0 where upper(u1_0.name) like upper(?) escape '\'
@@binds '%E%'
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where upper(u1_0.full_name) like upper(?) escape '\'

@@ hibernate 6: join orders by user name
select o1_0.order_id,o1_0.state,o1_0.total,o1_0.user_id from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where u1_0.name=?
@@binds 'ann'
@@analysis READ source users@78
@@rewritten
select o1_0.order_id,o1_0.state,o1_0.total,o1_0.user_id from orders o1_0 join users_v2 u1_0 on u1_0.id=o1_0.user_id where u1_0.full_name=?

@@ hibernate 6: left join fetch
select o1_0.order_id,o1_0.state,o1_0.total,u1_0.id,u1_0.email,u1_0.name,u1_0.status from orders o1_0 left join users u1_0 on u1_0.id=o1_0.user_id order by o1_0.order_id
@@analysis READ source users@111
@@rewritten
select o1_0.order_id,o1_0.state,o1_0.total,u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from orders o1_0 left join users_v2 u1_0 on u1_0.id=o1_0.user_id order by o1_0.order_id

@@ hibernate 6: pessimistic write lock
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id=? for no key update
@@binds 3
@@analysis READ locking source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.id=? for no key update

@@ hibernate 6: lock with of clause
select u1_0.id,u1_0.name from users u1_0 where u1_0.id=? for update of u1_0
@@binds 3
@@analysis READ locking source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.id=? for update of u1_0

@@ hibernate 6: pessimistic read lock
select u1_0.id,u1_0.name from users u1_0 where u1_0.id=? for share
@@binds 4
@@analysis READ locking source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.id=? for share

@@ hibernate 6: skip locked queue poll
select u1_0.id,u1_0.name,u1_0.status from users u1_0 where u1_0.status=? order by u1_0.id fetch first ? rows only for update skip locked
@@binds 2, 1
@@analysis READ locking source users@42
@@rewritten
select u1_0.id,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where (CAST(u1_0.status_code AS INT))=? order by u1_0.id fetch first ? rows only for update skip locked

@@ hibernate 6: order by nulls last
select u1_0.id,u1_0.name,u1_0.status from users u1_0 order by u1_0.status desc nulls last,u1_0.id
@@analysis READ source users@42
@@rewritten
select u1_0.id,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 order by (CAST(u1_0.status_code AS INT)) desc nulls last,u1_0.id

@@ hibernate 6: dto projection with group by
select u1_0.name,count(o1_0.order_id) from users u1_0 left join orders o1_0 on u1_0.id=o1_0.user_id group by u1_0.name order by u1_0.name
@@analysis READ source users@43
@@rewritten
select u1_0.full_name AS name,count(o1_0.order_id) from users_v2 u1_0 left join orders o1_0 on u1_0.id=o1_0.user_id group by u1_0.full_name order by u1_0.full_name

@@ hibernate 6: in subquery
select u1_0.id,u1_0.name from users u1_0 where u1_0.id in(select o1_0.user_id from orders o1_0 where o1_0.state=?)
@@binds 'paid'
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.id in(select o1_0.user_id from orders o1_0 where o1_0.state=?)

@@ hibernate 6: exists subquery on roles
select u1_0.id,u1_0.name from users u1_0 where exists(select 1 from user_roles r1_0 where r1_0.user_id=u1_0.id and r1_0.role=?)
@@binds 'user'
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where exists(select 1 from user_roles r1_0 where r1_0.user_id=u1_0.id and r1_0.role=?)

@@ hibernate 6: max id
select max(u1_0.id) from users u1_0
@@analysis READ source users@25
@@rewritten
select max(u1_0.id) from users_v2 u1_0

@@ hibernate 6: hql cast to string
select u1_0.id,cast(u1_0.status as varchar) from users u1_0 order by u1_0.id
@@analysis READ source users@49
@@rewritten
select u1_0.id,cast((CAST(u1_0.status_code AS INT)) as varchar) AS status from users_v2 u1_0 order by u1_0.id

@@ hibernate 6: case expression
select u1_0.id,case when u1_0.status=1 then 'active' when u1_0.status is null then 'unknown' else 'other' end from users u1_0 order by u1_0.id
@@analysis READ source users@115
@@rewritten
select u1_0.id,case when (CAST(u1_0.status_code AS INT))=1 then 'active' when (CAST(u1_0.status_code AS INT)) is null then 'unknown' else 'other' end from users_v2 u1_0 order by u1_0.id

@@ hibernate 6: coalesce
select u1_0.id,coalesce(u1_0.email,'n/a') from users u1_0 order by u1_0.id
@@analysis READ source users@47
@@rewritten
select u1_0.id,coalesce(u1_0.email,'n/a') from users_v2 u1_0 order by u1_0.id

@@ hibernate 6: between and not equal
select u1_0.id from users u1_0 where u1_0.id between ? and ? and u1_0.status<>? order by u1_0.id
@@binds 1, 5, 2
@@analysis READ source users@20
@@rewritten
select u1_0.id from users_v2 u1_0 where u1_0.id between ? and ? and (CAST(u1_0.status_code AS INT))<>? order by u1_0.id

@@ hibernate 6: is null
select u1_0.id,u1_0.name from users u1_0 where u1_0.email is null or u1_0.status is null
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.email is null or (CAST(u1_0.status_code AS INT)) is null

@@ hibernate 6: tuple in subquery with aggregate
select u1_0.id,u1_0.name from users u1_0 where u1_0.id=(select max(u2_0.id) from users u2_0 where u2_0.status=u1_0.status)
@@analysis READ source users@30 source users@81
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.id=(select max(u2_0.id) from users_v2 u2_0 where (CAST(u2_0.status_code AS INT))=(CAST(u1_0.status_code AS INT)))

@@ hibernate 6: entity graph with roles join
select u1_0.id,u1_0.email,u1_0.name,r1_0.user_id,r1_0.role from users u1_0 left join user_roles r1_0 on u1_0.id=r1_0.user_id where u1_0.id=?
@@binds 1
@@analysis READ source users@64
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,r1_0.user_id,r1_0.role from users_v2 u1_0 left join user_roles r1_0 on u1_0.id=r1_0.user_id where u1_0.id=?

@@ hibernate 5: load by id
select user0_.id as id1_0_0_, user0_.email as email2_0_0_, user0_.name as name3_0_0_, user0_.status as status4_0_0_ from users user0_ where user0_.id=?
@@binds 2
@@analysis READ source users@121
@@rewritten
select user0_.id as id1_0_0_, user0_.email as email2_0_0_, user0_.full_name as name3_0_0_, (CAST(user0_.status_code AS INT)) as status4_0_0_ from users_v2 user0_ where user0_.id=?

@@ hibernate 5: load by id with legacy_flag
select user0_.id as id1_0_0_, user0_.email as email2_0_0_, user0_.legacy_flag as legacy_f3_0_0_, user0_.name as name4_0_0_, user0_.status as status5_0_0_ from users user0_ where user0_.id=?
@@binds 2
@@analysis READ source users@159
@@refused column legacy_flag of users is not in users_v2

@@ hibernate 5: first page
select user0_.id as id1_0_, user0_.email as email2_0_, user0_.name as name3_0_, user0_.status as status4_0_ from users user0_ order by user0_.id asc limit ?
@@binds 4
@@analysis READ source users@113
@@rewritten
select user0_.id as id1_0_, user0_.email as email2_0_, user0_.full_name as name3_0_, (CAST(user0_.status_code AS INT)) as status4_0_ from users_v2 user0_ order by user0_.id asc limit ?

@@ hibernate 5: later page
select user0_.id as id1_0_, user0_.email as email2_0_, user0_.name as name3_0_, user0_.status as status4_0_ from users user0_ order by user0_.name desc, user0_.id asc limit ? offset ?
@@binds 2, 2
@@analysis READ source users@113
@@rewritten
select user0_.id as id1_0_, user0_.email as email2_0_, user0_.full_name as name3_0_, (CAST(user0_.status_code AS INT)) as status4_0_ from users_v2 user0_ order by user0_.full_name desc, user0_.id asc limit ? offset ?

@@ hibernate 5: count query
select count(user0_.id) as col_0_0_ from users user0_ where user0_.status=?
@@binds 2
@@analysis READ source users@41
@@rewritten
select count(user0_.id) as col_0_0_ from users_v2 user0_ where (CAST(user0_.status_code AS INT))=?

@@ hibernate 5: inner join
select order0_.order_id as order_id1_1_, order0_.total as total3_1_, user1_.id as id1_0_0_, user1_.name as name3_0_0_ from orders order0_ inner join users user1_ on order0_.user_id=user1_.id where user1_.status=? order by order0_.order_id
@@binds 1
@@analysis READ source users@149
@@rewritten
select order0_.order_id as order_id1_1_, order0_.total as total3_1_, user1_.id as id1_0_0_, user1_.full_name as name3_0_0_ from orders order0_ inner join users_v2 user1_ on order0_.user_id=user1_.id where (CAST(user1_.status_code AS INT))=? order by order0_.order_id

@@ hibernate 5: pessimistic lock
select user0_.id as id1_0_0_, user0_.name as name3_0_0_ from users user0_ where user0_.id=? for update
@@binds 1
@@analysis READ locking source users@61
@@rewritten
select user0_.id as id1_0_0_, user0_.full_name as name3_0_0_ from users_v2 user0_ where user0_.id=? for update

@@ hibernate 5: skip locked
select user0_.id as id1_0_, user0_.name as name3_0_ from users user0_ where user0_.status=? order by user0_.id limit ? for update skip locked
@@binds 1, 1
@@analysis READ locking source users@57
@@rewritten
select user0_.id as id1_0_, user0_.full_name as name3_0_ from users_v2 user0_ where (CAST(user0_.status_code AS INT))=? order by user0_.id limit ? for update skip locked

@@ hibernate 5: criteria like lower
select user0_.id as id1_0_, user0_.name as name3_0_ from users user0_ where lower(user0_.name) like ? order by user0_.id asc
@@binds 'b%'
@@analysis READ source users@57
@@rewritten
select user0_.id as id1_0_, user0_.full_name as name3_0_ from users_v2 user0_ where lower(user0_.full_name) like ? order by user0_.id asc

@@ hibernate 5: projection with select distinct
select distinct user0_.status as col_0_0_ from users user0_ where user0_.status is not null order by user0_.status
@@analysis READ source users@47
@@rewritten
select distinct (CAST(user0_.status_code AS INT)) as col_0_0_ from users_v2 user0_ where (CAST(user0_.status_code AS INT)) is not null order by (CAST(user0_.status_code AS INT))

@@ jooq: find by id
select "users"."id", "users"."name" from "users" where "users"."id" = ?
@@binds 1
@@analysis READ source "users"@41
@@rewritten
select "users"."id", "users".full_name AS "name" from users_v2 "users" where "users"."id" = ?

@@ jooq: all columns paged
select "users"."id", "users"."name", "users"."email", "users"."status" from "users" order by "users"."id" asc limit ? offset ?
@@binds 2, 2
@@analysis READ source "users"@76
@@rewritten
select "users"."id", "users".full_name AS "name", "users"."email", (CAST("users".status_code AS INT)) AS "status" from users_v2 "users" order by "users"."id" asc limit ? offset ?

@@ jooq: count in
select count(*) from "users" where "users"."status" in (?, ?)
@@binds 1, 2
@@analysis READ source "users"@21
@@rewritten
select count(*) from users_v2 "users" where (CAST("users".status_code AS INT)) in (?, ?)

@@ jooq: join orders
select "users"."name", "orders"."total" from "users" join "orders" on "orders"."user_id" = "users"."id" where "orders"."state" = ? order by "orders"."order_id"
@@binds 'open'
@@analysis READ source "users"@45
@@rewritten
select "users".full_name AS "name", "orders"."total" from users_v2 "users" join "orders" on "orders"."user_id" = "users"."id" where "orders"."state" = ? order by "orders"."order_id"

@@ jooq: fetchExists
select exists (select 1 as "one" from "users" where "users"."email" = ?)
@@binds 'bob@x.io'
@@analysis READ source "users"@38
@@rewritten
select exists (select 1 as "one" from users_v2 "users" where "users"."email" = ?)

@@ jooq: aliased table and column
select "u"."id", "u"."name" as "n" from "users" as "u" where "u"."status" = ? order by "u"."id"
@@binds 2
@@analysis READ source "users"@40
@@rewritten
select "u"."id", "u".full_name as "n" from users_v2 as "u" where (CAST("u".status_code AS INT)) = ? order by "u"."id"

@@ jooq: derived table
select "alias_1"."name" from (select "users"."name", "users"."id" from "users" where "users"."status" = ?) as "alias_1" order by "alias_1"."id"
@@binds 1
@@analysis READ source "users"@71
@@rewritten
select "alias_1"."name" from (select "users".full_name AS "name", "users"."id" from users_v2 "users" where (CAST("users".status_code AS INT)) = ?) as "alias_1" order by "alias_1"."id"

@@ jooq: group by having
select "users"."status", count(*) from "users" group by "users"."status" having count(*) > ? order by "users"."status"
@@binds 1
@@analysis READ source "users"@39
@@rewritten
select (CAST("users".status_code AS INT)) AS "status", count(*) from users_v2 "users" group by (CAST("users".status_code AS INT)) having count(*) > ? order by (CAST("users".status_code AS INT))

@@ jooq: for update
select "users"."id", "users"."name" from "users" where "users"."id" = ? for update
@@binds 5
@@analysis READ locking source "users"@41
@@rewritten
select "users"."id", "users".full_name AS "name" from users_v2 "users" where "users"."id" = ? for update

@@ jooq: case and coalesce
select "users"."id", case when "users"."status" = ? then ? else coalesce("users"."name", ?) end as "label" from "users" order by "users"."id"
@@binds 1, 'one', '-'
@@analysis READ source "users"@112
@@rewritten
select "users"."id", case when (CAST("users".status_code AS INT)) = ? then ? else coalesce("users".full_name, ?) end as "label" from users_v2 "users" order by "users"."id"

@@ jooq: row value in
select "users"."id" from "users" where ("users"."id", "users"."name") in ((?, ?), (?, ?)) order by "users"."id"
@@binds 1, 'ann', 2, 'nobody'
@@analysis READ source "users"@25
@@rewritten
select "users"."id" from users_v2 "users" where ("users"."id", "users".full_name) in ((?, ?), (?, ?)) order by "users"."id"

@@ mybatis: dynamic where with 1=1
SELECT id, name, email, status
  FROM users
 WHERE 1=1
   AND status = ?
   AND name LIKE ?
 ORDER BY id
@@binds 1, 'b%'
@@analysis READ source users@38
@@rewritten
SELECT id, full_name AS name, email, (CAST(users.status_code AS INT)) AS status
  FROM users_v2 users
 WHERE 1=1
   AND (CAST(users.status_code AS INT)) = ?
   AND full_name LIKE ?
 ORDER BY id

@@ mybatis: result map aliases
SELECT u.id AS userId, u.name AS userName, u.email AS userEmail FROM users u WHERE u.id IN ( ? , ? , ? )
@@binds 2, 4, 6
@@analysis READ source users@69
@@rewritten
SELECT u.id AS userId, u.full_name AS userName, u.email AS userEmail FROM users_v2 u WHERE u.id IN ( ? , ? , ? )

@@ mybatis: collection join with roles
SELECT u.id, u.name, r.role
FROM users u
LEFT JOIN user_roles r ON r.user_id = u.id
ORDER BY u.id, r.role
@@analysis READ source users@33
@@rewritten
SELECT u.id, u.full_name AS name, r.role
FROM users_v2 u
LEFT JOIN user_roles r ON r.user_id = u.id
ORDER BY u.id, r.role

@@ mybatis: trim/where generated spacing
SELECT id, name FROM users
     WHERE  status = ?
        AND email IS NOT NULL
@@binds 2
@@analysis READ source users@21
@@rewritten
SELECT id, full_name AS name FROM users_v2 users
     WHERE  (CAST(users.status_code AS INT)) = ?
        AND email IS NOT NULL

@@ mybatis: foreach in list, trailing space
select id, name, status from users where id in
        (  ?
         , ?
        ) 
@@binds 1, 6
@@analysis READ source users@29
@@rewritten
select id, full_name AS name, (CAST(users.status_code AS INT)) AS status from users_v2 users where id in
        (  ?
         , ?
        ) 

@@ mybatis: choose when order by
SELECT id, name, status FROM users
ORDER BY
  name ASC
LIMIT ? OFFSET ?
@@binds 3, 0
@@analysis READ source users@29
@@rewritten
SELECT id, full_name AS name, (CAST(users.status_code AS INT)) AS status FROM users_v2 users
ORDER BY
  full_name ASC
LIMIT ? OFFSET ?

@@ spring jdbc: queryForObject name
select name from users where id = ?
@@binds 3
@@analysis READ source users@17
@@rewritten
select full_name AS name from users_v2 users where id = ?

@@ spring jdbc: count emails null
SELECT COUNT(*) FROM users WHERE email IS NULL
@@analysis READ source users@21
@@rewritten
SELECT COUNT(*) FROM users_v2 users WHERE email IS NULL

@@ spring jdbc: list by status ordered by name
SELECT id, name, email FROM users WHERE status = ? ORDER BY name, id
@@binds 2
@@analysis READ source users@28
@@rewritten
SELECT id, full_name AS name, email FROM users_v2 users WHERE (CAST(users.status_code AS INT)) = ? ORDER BY full_name, id

@@ spring jdbc: exists
SELECT EXISTS(SELECT 1 FROM users WHERE email = ?)
@@binds 'nobody@x.io'
@@analysis READ source users@28
@@rewritten
SELECT EXISTS(SELECT 1 FROM users_v2 users WHERE email = ?)

@@ spring jdbc: named parameters expanded
SELECT id, name FROM users WHERE id IN (?, ?, ?) AND status IS NOT NULL ORDER BY id
@@binds 1, 2, 6
@@analysis READ source users@21
@@rewritten
SELECT id, full_name AS name FROM users_v2 users WHERE id IN (?, ?, ?) AND (CAST(users.status_code AS INT)) IS NOT NULL ORDER BY id

@@ spring jdbc: row mapper with alias
SELECT u.id, u.name AS display_name, u.status FROM users u WHERE u.name ILIKE ? ORDER BY u.id
@@binds 'b%'
@@analysis READ source users@51
@@rewritten
SELECT u.id, u.full_name AS display_name, (CAST(u.status_code AS INT)) AS status FROM users_v2 u WHERE u.full_name ILIKE ? ORDER BY u.id

@@ spring data jdbc: findById
SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", "users"."status" AS "status" FROM "users" WHERE "users"."id" = ?
@@binds 4
@@analysis READ source "users"@117
@@rewritten
SELECT "users"."id" AS "id", "users".full_name AS "name", "users"."email" AS "email", (CAST("users".status_code AS INT)) AS "status" FROM users_v2 "users" WHERE "users"."id" = ?

@@ spring data jdbc: findAll paged with literals
SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", "users"."status" AS "status" FROM "users" ORDER BY "users"."id" ASC LIMIT 2 OFFSET 2
@@analysis READ source "users"@117
@@rewritten
SELECT "users"."id" AS "id", "users".full_name AS "name", "users"."email" AS "email", (CAST("users".status_code AS INT)) AS "status" FROM users_v2 "users" ORDER BY "users"."id" ASC LIMIT 2 OFFSET 2

@@ spring data jdbc: count
SELECT COUNT(*) FROM "users"
@@analysis READ source "users"@21
@@rewritten
SELECT COUNT(*) FROM users_v2 "users"

@@ spring data jdbc: existsById
SELECT COUNT(*) FROM "users" WHERE "users"."id" = ?
@@binds 9
@@analysis READ source "users"@21
@@rewritten
SELECT COUNT(*) FROM users_v2 "users" WHERE "users"."id" = ?

@@ spring data jdbc: findAllById
SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", "users"."status" AS "status" FROM "users" WHERE "users"."id" IN (?, ?)
@@binds 1, 2
@@analysis READ source "users"@117
@@rewritten
SELECT "users"."id" AS "id", "users".full_name AS "name", "users"."email" AS "email", (CAST("users".status_code AS INT)) AS "status" FROM users_v2 "users" WHERE "users"."id" IN (?, ?)

@@ spring data jdbc: derived query findByNameAndStatus
SELECT "users"."id" AS "id", "users"."name" AS "name", "users"."email" AS "email", "users"."status" AS "status" FROM "users" WHERE "users"."name" = ? AND "users"."status" = ?
@@binds 'bea', 1
@@analysis READ source "users"@117
@@rewritten
SELECT "users"."id" AS "id", "users".full_name AS "name", "users"."email" AS "email", (CAST("users".status_code AS INT)) AS "status" FROM users_v2 "users" WHERE "users".full_name = ? AND (CAST("users".status_code AS INT)) = ?

@@ report: status counts
select status, count(*) as n from users group by status order by status nulls first
@@analysis READ source users@34
@@rewritten
select (CAST(users.status_code AS INT)) AS status, count(*) as n from users_v2 users group by (CAST(users.status_code AS INT)) order by (CAST(users.status_code AS INT)) nulls first

@@ report: having
select status, count(*) from users group by status having count(*) > 1 order by status
@@analysis READ source users@29
@@rewritten
select (CAST(users.status_code AS INT)) AS status, count(*) from users_v2 users group by (CAST(users.status_code AS INT)) having count(*) > 1 order by (CAST(users.status_code AS INT))

@@ report: distinct statuses
SELECT DISTINCT status FROM users
@@analysis READ source users@28
@@rewritten
SELECT DISTINCT (CAST(users.status_code AS INT)) AS status FROM users_v2 users

@@ report: distinct names with order
select distinct name from users order by name
@@analysis READ source users@26
@@rewritten
select distinct full_name AS name from users_v2 users order by full_name

@@ report: row_number per status
select id, name, row_number() over (partition by status order by id) as rn from users order by id
@@analysis READ source users@80
@@rewritten
select id, full_name AS name, row_number() over (partition by (CAST(users.status_code AS INT)) order by id) as rn from users_v2 users order by id

@@ report: rank and lag
select id, status, rank() over (order by status) as r, lag(name) over (order by id) as prev_name from users order by id
@@analysis READ source users@102
@@rewritten
select id, (CAST(users.status_code AS INT)) AS status, rank() over (order by (CAST(users.status_code AS INT))) as r, lag(full_name) over (order by id) as prev_name from users_v2 users order by id

@@ report: running count with window frame
select id, count(*) over (order by id rows between unbounded preceding and current row) as running from users order by id
@@analysis READ source users@104
@@rewritten
select id, count(*) over (order by id rows between unbounded preceding and current row) as running from users_v2 users order by id

@@ report: cte
with active as (select id, name from users where status = 1) select * from active order by id
@@analysis READ source users@37
@@rewritten
with active as (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1) select * from active order by id

@@ report: cte named like the table
with users as (select id, name from users where status = 1) select name from users order by id
@@analysis READ source users@36
@@rewritten
with users as (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1) select name from users order by id

@@ report: cte named like the table over orders only
with users as (select user_id as id, total from orders) select id, sum(total) from users group by id order by id
@@analysis READ
@@rewritten
with users as (select user_id as id, total from orders) select id, sum(total) from users group by id order by id

@@ report: two ctes, the second joining the first
WITH paid AS (SELECT user_id, SUM(total) AS spent FROM orders WHERE state = 'paid' GROUP BY user_id),
     named AS (SELECT u.id, u.name, p.spent FROM users u JOIN paid p ON p.user_id = u.id)
SELECT name, spent FROM named ORDER BY id
@@analysis READ source users@151
@@rewritten
WITH paid AS (SELECT user_id, SUM(total) AS spent FROM orders WHERE state = 'paid' GROUP BY user_id),
     named AS (SELECT u.id, u.full_name AS name, p.spent FROM users_v2 u JOIN paid p ON p.user_id = u.id)
SELECT name, spent FROM named ORDER BY id

@@ report: recursive cte
with recursive ids(n) as (select 1 union all select n + 1 from ids where n < 3)
select ids.n, u.name from ids left join users u on u.id = ids.n order by ids.n
@@analysis READ source users@120
@@rewritten
with recursive ids(n) as (select 1 union all select n + 1 from ids where n < 3)
select ids.n, u.full_name AS name from ids left join users_v2 u on u.id = ids.n order by ids.n

@@ report: union
select name from users where status = 1 union select name from users where status = 2 order by 1
@@analysis READ source users@17 source users@63
@@rewritten
select full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1 union select full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2 order by 1

@@ report: union all with orders
select id from users union all select user_id from orders order by 1
@@analysis READ source users@15
@@rewritten
select id from users_v2 users union all select user_id from orders order by 1

@@ report: intersect
select id from users intersect select user_id from orders order by id
@@analysis READ source users@15
@@rewritten
select id from users_v2 users intersect select user_id from orders order by id

@@ report: except
SELECT id FROM users EXCEPT SELECT user_id FROM user_roles ORDER BY id
@@analysis READ source users@15
@@rewritten
SELECT id FROM users_v2 users EXCEPT SELECT user_id FROM user_roles ORDER BY id

@@ report: scalar subquery in select list
select u.id, (select count(*) from orders o where o.user_id = u.id) as order_count from users u order by u.id
@@analysis READ source users@88
@@rewritten
select u.id, (select count(*) from orders o where o.user_id = u.id) as order_count from users_v2 u order by u.id

@@ report: scalar subquery picking a name
select o.order_id, (select u.name from users u where u.id = o.user_id) as buyer from orders o order by o.order_id
@@analysis READ source users@39
@@rewritten
select o.order_id, (select u.full_name AS name from users_v2 u where u.id = o.user_id) as buyer from orders o order by o.order_id

@@ report: correlated not exists
select u.name from users u where not exists (select 1 from orders o where o.user_id = u.id) order by u.name
@@analysis READ source users@19
@@rewritten
select u.full_name AS name from users_v2 u where not exists (select 1 from orders o where o.user_id = u.id) order by u.full_name

@@ report: not in subquery
select id, name from users where id not in (select user_id from user_roles) order by id
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id not in (select user_id from user_roles) order by id

@@ report: self join on status
select a.name, b.name from users a join users b on a.status = b.status and a.id < b.id order by a.id, b.id
@@analysis READ source users@27 source users@40
@@rewritten
select a.full_name AS name, b.full_name AS name from users_v2 a join users_v2 b on (CAST(a.status_code AS INT)) = (CAST(b.status_code AS INT)) and a.id < b.id order by a.id, b.id

@@ report: right join
select o.order_id, u.name from users u right join orders o on o.user_id = u.id order by o.order_id
@@analysis READ source users@31
@@rewritten
select o.order_id, u.full_name AS name from users_v2 u right join orders o on o.user_id = u.id order by o.order_id

@@ report: full outer join
select u.id, o.order_id from users u full outer join orders o on o.user_id = u.id order by u.id nulls last, o.order_id
@@analysis READ source users@29
@@rewritten
select u.id, o.order_id from users_v2 u full outer join orders o on o.user_id = u.id order by u.id nulls last, o.order_id

@@ report: cross join roles count
select count(*) from users cross join user_roles
@@analysis READ source users@21
@@rewritten
select count(*) from users_v2 users cross join user_roles

@@ report: three-way join
select u.name, r.role, o.total
from users u
join user_roles r on r.user_id = u.id
join orders o on o.user_id = u.id
order by u.id, r.role, o.order_id
@@analysis READ source users@36
@@rewritten
select u.full_name AS name, r.role, o.total
from users_v2 u
join user_roles r on r.user_id = u.id
join orders o on o.user_id = u.id
order by u.id, r.role, o.order_id

@@ report: lateral top order per user
select u.name, t.total from users u cross join lateral (select total from orders o where o.user_id = u.id order by total desc limit 1) t order by u.id
@@analysis READ source users@28
@@rewritten
select u.full_name AS name, t.total from users_v2 u cross join lateral (select total from orders o where o.user_id = u.id order by total desc limit 1) t order by u.id

@@ report: sum and avg of status
select sum(status), avg(status), min(name), max(email) from users
@@analysis READ source users@60
@@rewritten
select sum((CAST(users.status_code AS INT))), avg((CAST(users.status_code AS INT))), min(full_name), max(email) from users_v2 users

@@ report: filter clause
select count(*) filter (where status = 1) as ones, count(*) filter (where status is null) as unknown from users
@@analysis READ source users@106
@@rewritten
select count(*) filter (where (CAST(users.status_code AS INT)) = 1) as ones, count(*) filter (where (CAST(users.status_code AS INT)) is null) as unknown from users_v2 users

@@ report: string_agg
select status, string_agg(name, ',' order by id) as names from users group by status order by status
@@analysis READ source users@63
@@rewritten
select (CAST(users.status_code AS INT)) AS status, string_agg(full_name, ',' order by id) as names from users_v2 users group by (CAST(users.status_code AS INT)) order by (CAST(users.status_code AS INT))

@@ report: concat operator
select id, name || ' <' || coalesce(email, '?') || '>' as label from users order by id
@@analysis READ source users@69
@@rewritten
select id, full_name || ' <' || coalesce(email, '?') || '>' as label from users_v2 users order by id

@@ report: order by output alias shadowing a column
select id, -status as status from users order by status, id
@@analysis READ source users@34
@@rewritten
select id, -(CAST(users.status_code AS INT)) as status from users_v2 users order by status, id

@@ report: order by a column not selected
select id, name as n from users order by name
@@analysis READ source users@26
@@rewritten
select id, full_name as n from users_v2 users order by full_name

@@ report: swapped aliases
select name as email, email as name from users order by id
@@analysis READ source users@41
@@rewritten
select full_name as email, email as name from users_v2 users order by id

@@ report: group by ordinal
select status, count(*) from users group by 1 order by 1
@@analysis READ source users@29
@@rewritten
select (CAST(users.status_code AS INT)) AS status, count(*) from users_v2 users group by 1 order by 1

@@ postgres: distinct on
select distinct on (status) status, id, name from users order by status, id
@@analysis READ source users@50
@@rewritten
select distinct on ((CAST(users.status_code AS INT))) (CAST(users.status_code AS INT)) AS status, id, full_name AS name from users_v2 users order by (CAST(users.status_code AS INT)), id

@@ postgres: :: casts
select id, status::text, name::varchar(10) from users order by id
@@analysis READ source users@48
@@rewritten
select id, (CAST(users.status_code AS INT))::text AS status, full_name::varchar(10) AS name from users_v2 users order by id

@@ postgres: cast in where
select id from users where status::text = ? order by id
@@binds '2'
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where (CAST(users.status_code AS INT))::text = ? order by id

@@ postgres: bind cast
select name from users where id = ?::integer
@@binds 4
@@analysis READ source users@17
@@rewritten
select full_name AS name from users_v2 users where id = ?::integer

@@ postgres: ilike
select id, name from users where name ilike 'b%' order by id
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name ilike 'b%' order by id

@@ postgres: not ilike
select id from users where name not ilike '%E%' order by id
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where full_name not ilike '%E%' order by id

@@ postgres: any array literal
select id, name from users where id = any(array[1, 2, 3]) order by id
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id = any(array[1, 2, 3]) order by id

@@ postgres: is distinct from
select id from users where status is distinct from 1 order by id
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where (CAST(users.status_code AS INT)) is distinct from 1 order by id

@@ postgres: regex match
select id from users where name ~ '^b' order by id
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where full_name ~ '^b' order by id

@@ postgres: collate "C" ordering
select name from users order by name collate "C"
@@analysis READ source users@17
@@rewritten
select full_name AS name from users_v2 users order by full_name collate "C"

@@ postgres: fetch first with literal
SELECT id, name FROM users ORDER BY id FETCH FIRST 3 ROWS ONLY
@@analysis READ source users@21
@@rewritten
SELECT id, full_name AS name FROM users_v2 users ORDER BY id FETCH FIRST 3 ROWS ONLY

@@ postgres: offset without limit
select id from users order by id offset 4
@@analysis READ source users@15
@@rewritten
select id from users_v2 users order by id offset 4

@@ postgres: values list joined
select u.name, v.label from users u join (values (1, 'one'), (2, 'two')) as v(id, label) on v.id = u.id order by u.id
@@analysis READ source users@28
@@rewritten
select u.full_name AS name, v.label from users_v2 u join (values (1, 'one'), (2, 'two')) as v(id, label) on v.id = u.id order by u.id

@@ postgres: parenthesised name column
select (name) from users where id = 1
@@analysis READ source users@19
@@rewritten
select (full_name) AS name from users_v2 users where id = 1

@@ postgres: scalar subquery without from
select (select name from users where id = 2)
@@analysis READ source users@25
@@rewritten
select (select full_name AS name from users_v2 users where id = 2)

@@ postgres: generate_series join
select g, u.name from generate_series(1, 3) g left join users u on u.id = g order by g
@@analysis READ source users@56
@@rewritten
select g, u.full_name AS name from generate_series(1, 3) g left join users_v2 u on u.id = g order by g

@@ postgres: greatest and nullif
select id, greatest(status, 2), nullif(name, 'ann') from users order by id
@@analysis READ source users@57
@@rewritten
select id, greatest((CAST(users.status_code AS INT)), 2), nullif(full_name, 'ann') from users_v2 users order by id

@@ postgres: length and upper
select upper(name), length(email) from users order by id
@@analysis READ source users@39
@@rewritten
select upper(full_name), length(email) from users_v2 users order by id

@@ style: block comment before
/* UserDao.findById */ select id, name from users where id = ?
@@binds 1
@@analysis READ source users@44
@@rewritten
/* UserDao.findById */ select id, full_name AS name from users_v2 users where id = ?

@@ style: line comment before
-- load active users
select id, name from users where status = 1 order by id
@@analysis READ source users@42
@@rewritten
-- load active users
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1 order by id

@@ style: comment naming the table inside the query
select id /* from users_v2 */, name -- the name, not full_name
from users where id = 2
@@analysis READ source users@68
@@rewritten
select id /* from users_v2 */, full_name AS name -- the name, not full_name
from users_v2 users where id = 2

@@ style: string literal naming the table
select id, 'from users where name' as note from users where name = 'ann'
@@analysis READ source users@48
@@rewritten
select id, 'from users where name' as note from users_v2 users where full_name = 'ann'

@@ style: tabs and newlines
select	id,
	name
from
	users
where
	status	=	2
order	by	id
@@analysis READ source users@23
@@rewritten
select	id,
	full_name AS name
from
	users_v2 users
where
	(CAST(users.status_code AS INT))	=	2
order	by	id

@@ style: upper case
SELECT ID, NAME, EMAIL FROM USERS WHERE STATUS = 1 ORDER BY ID
@@analysis READ source USERS@28
@@rewritten
SELECT ID, full_name AS NAME, EMAIL FROM users_v2 USERS WHERE (CAST(USERS.status_code AS INT)) = 1 ORDER BY ID

@@ style: mixed case
SeLeCt Id, NaMe FrOm UsErS wHeRe Id = ?
@@binds 5
@@analysis READ source UsErS@21
@@rewritten
SeLeCt Id, full_name AS NaMe FrOm users_v2 UsErS wHeRe Id = ?

@@ style: quoted names
select "id", "name" from "users" where "status" = 2 order by "id"
@@analysis READ source "users"@25
@@rewritten
select "id", full_name AS "name" from users_v2 "users" where (CAST("users".status_code AS INT)) = 2 order by "id"

@@ style: table-qualified without alias
select users.id, users.name from users where users.email like '%@x.io' order by users.id
@@analysis READ source users@33
@@rewritten
select users.id, users.full_name AS name from users_v2 users where users.email like '%@x.io' order by users.id

@@ style: alias with AS
select u.name from users AS u where u.id = 6
@@analysis READ source users@19
@@rewritten
select u.full_name AS name from users_v2 AS u where u.id = 6

@@ style: alias named like the target table
select users_v2.id, users_v2.name from users users_v2 order by users_v2.id
@@analysis READ source users@39
@@rewritten
select users_v2.id, users_v2.full_name AS name from users_v2 users_v2 order by users_v2.id

@@ style: trailing semicolon
select id, name from users where id = 1;
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id = 1;

@@ style: double spaces, no space after commas
select  id,name,email  from  users  where  id=3
@@analysis READ source users@29
@@rewritten
select  id,full_name AS name,email  from  users_v2 users  where  id=3

@@ style: parenthesised query
(select id, name from users where id = 1)
@@analysis READ source users@22
@@rewritten
(select id, full_name AS name from users_v2 users where id = 1)

@@ target hibernate 6: find by id
select u1_0.id,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 where u1_0.id=?
@@binds 2
@@analysis READ target users_v2@63
@@rewritten
select u1_0.id,u1_0.email,u1_0.name AS full_name,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from users u1_0 where u1_0.id=?

@@ target hibernate 6: entity maps created_at
select u1_0.id,u1_0.created_at,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 where u1_0.id=?
@@binds 2
@@analysis READ target users_v2@79
@@refused column created_at of users_v2 is not in users

@@ target hibernate 6: paged
select u1_0.id,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 order by u1_0.id offset ? rows fetch first ? rows only
@@binds 2, 2
@@analysis READ target users_v2@63
@@rewritten
select u1_0.id,u1_0.email,u1_0.name AS full_name,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from users u1_0 order by u1_0.id offset ? rows fetch first ? rows only

@@ target hibernate 6: find by full name
select u1_0.id,u1_0.full_name from users_v2 u1_0 where u1_0.full_name=?
@@binds 'cy'
@@analysis READ target users_v2@35
@@rewritten
select u1_0.id,u1_0.name AS full_name from users u1_0 where u1_0.name=?

@@ target hibernate 6: count by status code
select count(u1_0.id) from users_v2 u1_0 where u1_0.status_code=?
@@binds '1'
@@analysis READ target users_v2@27
@@rewritten
select count(u1_0.id) from users u1_0 where (CAST(u1_0.status AS VARCHAR(8)))=?

@@ target hibernate 6: in list of codes
select u1_0.id,u1_0.status_code from users_v2 u1_0 where u1_0.status_code in (?,?) order by u1_0.id
@@binds '2', '3'
@@analysis READ target users_v2@37
@@rewritten
select u1_0.id,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from users u1_0 where (CAST(u1_0.status AS VARCHAR(8))) in (?,?) order by u1_0.id

@@ target hibernate 6: join orders
select o1_0.order_id,o1_0.total,u1_0.full_name from orders o1_0 join users_v2 u1_0 on u1_0.id=o1_0.user_id where o1_0.state=? order by o1_0.order_id
@@binds 'paid'
@@analysis READ target users_v2@69
@@rewritten
select o1_0.order_id,o1_0.total,u1_0.name AS full_name from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where o1_0.state=? order by o1_0.order_id

@@ target hibernate 6: left join fetch
select o1_0.order_id,u1_0.id,u1_0.full_name,u1_0.status_code from orders o1_0 left join users_v2 u1_0 on u1_0.id=o1_0.user_id order by o1_0.order_id
@@analysis READ target users_v2@88
@@rewritten
select o1_0.order_id,u1_0.id,u1_0.name AS full_name,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from orders o1_0 left join users u1_0 on u1_0.id=o1_0.user_id order by o1_0.order_id

@@ target hibernate 6: for update
select u1_0.id,u1_0.full_name from users_v2 u1_0 where u1_0.id=? for update
@@binds 1
@@analysis READ locking target users_v2@35
@@rewritten
select u1_0.id,u1_0.name AS full_name from users u1_0 where u1_0.id=? for update

@@ target hibernate 6: exists subquery
select u1_0.id,u1_0.full_name from users_v2 u1_0 where exists(select 1 from user_roles r1_0 where r1_0.user_id=u1_0.id) order by u1_0.id
@@analysis READ target users_v2@35
@@rewritten
select u1_0.id,u1_0.name AS full_name from users u1_0 where exists(select 1 from user_roles r1_0 where r1_0.user_id=u1_0.id) order by u1_0.id

@@ target hibernate 6: like with escape
select u1_0.id from users_v2 u1_0 where u1_0.full_name like ? escape '\' order by u1_0.id
@@binds 'b%'
@@analysis READ target users_v2@20
@@rewritten
select u1_0.id from users u1_0 where u1_0.name like ? escape '\' order by u1_0.id

@@ target hibernate 6: order by created_at
select u1_0.id,u1_0.full_name from users_v2 u1_0 order by u1_0.created_at desc,u1_0.id
@@analysis READ target users_v2@35
@@refused column created_at of users_v2 is not in users

@@ target hibernate 6: cast status code to integer
select u1_0.id,cast(u1_0.status_code as integer) from users_v2 u1_0 order by u1_0.id
@@analysis READ target users_v2@54
@@rewritten
select u1_0.id,cast((CAST(u1_0.status AS VARCHAR(8))) as integer) AS status_code from users u1_0 order by u1_0.id

@@ target hibernate 5: load by id
select userv0_.id as id1_0_0_, userv0_.email as email2_0_0_, userv0_.full_name as full_nam3_0_0_, userv0_.status_code as status_c4_0_0_ from users_v2 userv0_ where userv0_.id=?
@@binds 6
@@analysis READ target users_v2@141
@@rewritten
select userv0_.id as id1_0_0_, userv0_.email as email2_0_0_, userv0_.name as full_nam3_0_0_, (CAST(userv0_.status AS VARCHAR(8))) as status_c4_0_0_ from users userv0_ where userv0_.id=?

@@ target hibernate 5: paged
select userv0_.id as id1_0_, userv0_.full_name as full_nam3_0_ from users_v2 userv0_ order by userv0_.full_name asc, userv0_.id asc limit ? offset ?
@@binds 3, 1
@@analysis READ target users_v2@68
@@rewritten
select userv0_.id as id1_0_, userv0_.name as full_nam3_0_ from users userv0_ order by userv0_.name asc, userv0_.id asc limit ? offset ?

@@ target hibernate 5: count
select count(userv0_.id) as col_0_0_ from users_v2 userv0_ where userv0_.status_code is not null
@@analysis READ target users_v2@42
@@rewritten
select count(userv0_.id) as col_0_0_ from users userv0_ where (CAST(userv0_.status AS VARCHAR(8))) is not null

@@ target jooq: find by id
select "users_v2"."id", "users_v2"."full_name" from "users_v2" where "users_v2"."id" = ?
@@binds 3
@@analysis READ target "users_v2"@52
@@rewritten
select "users_v2"."id", "users_v2".name AS "full_name" from users "users_v2" where "users_v2"."id" = ?

@@ target jooq: paged
select "users_v2"."id", "users_v2"."full_name", "users_v2"."email", "users_v2"."status_code" from "users_v2" order by "users_v2"."id" asc limit ? offset ?
@@binds 3, 3
@@analysis READ target "users_v2"@98
@@rewritten
select "users_v2"."id", "users_v2".name AS "full_name", "users_v2"."email", (CAST("users_v2".status AS VARCHAR(8))) AS "status_code" from users "users_v2" order by "users_v2"."id" asc limit ? offset ?

@@ target jooq: join with alias
select "u"."full_name", "o"."total" from "users_v2" as "u" join "orders" as "o" on "o"."user_id" = "u"."id" order by "o"."order_id"
@@analysis READ target "users_v2"@41
@@rewritten
select "u".name AS "full_name", "o"."total" from users as "u" join "orders" as "o" on "o"."user_id" = "u"."id" order by "o"."order_id"

@@ target jooq: group by status code
select "users_v2"."status_code", count(*) from "users_v2" group by "users_v2"."status_code" order by "users_v2"."status_code"
@@analysis READ target "users_v2"@47
@@rewritten
select (CAST("users_v2".status AS VARCHAR(8))) AS "status_code", count(*) from users "users_v2" group by (CAST("users_v2".status AS VARCHAR(8))) order by (CAST("users_v2".status AS VARCHAR(8)))

@@ target jooq: all columns with created_at
select "users_v2"."id", "users_v2"."full_name", "users_v2"."email", "users_v2"."status_code", "users_v2"."created_at" from "users_v2" where "users_v2"."id" = ?
@@binds 1
@@analysis READ target "users_v2"@123
@@refused column "created_at" of users_v2 is not in users

@@ target spring data jdbc: findById
SELECT "users_v2"."id" AS "id", "users_v2"."full_name" AS "full_name", "users_v2"."email" AS "email", "users_v2"."status_code" AS "status_code" FROM "users_v2" WHERE "users_v2"."id" = ?
@@binds 5
@@analysis READ target "users_v2"@149
@@rewritten
SELECT "users_v2"."id" AS "id", "users_v2".name AS "full_name", "users_v2"."email" AS "email", (CAST("users_v2".status AS VARCHAR(8))) AS "status_code" FROM users "users_v2" WHERE "users_v2"."id" = ?

@@ target spring data jdbc: count
SELECT COUNT(*) FROM "users_v2"
@@analysis READ target "users_v2"@21
@@rewritten
SELECT COUNT(*) FROM users "users_v2"

@@ target spring data jdbc: paged literals
SELECT "users_v2"."id" AS "id", "users_v2"."full_name" AS "full_name" FROM "users_v2" ORDER BY "users_v2"."full_name" DESC, "users_v2"."id" ASC LIMIT 3 OFFSET 0
@@analysis READ target "users_v2"@75
@@rewritten
SELECT "users_v2"."id" AS "id", "users_v2".name AS "full_name" FROM users "users_v2" ORDER BY "users_v2".name DESC, "users_v2"."id" ASC LIMIT 3 OFFSET 0

@@ target spring jdbc: name by id
select full_name from users_v2 where id = ?
@@binds 4
@@analysis READ target users_v2@22
@@rewritten
select name AS full_name from users users_v2 where id = ?

@@ target spring jdbc: ilike search
SELECT id, full_name FROM users_v2 WHERE full_name ILIKE ? ORDER BY id
@@binds '%E%'
@@analysis READ target users_v2@26
@@rewritten
SELECT id, name AS full_name FROM users users_v2 WHERE name ILIKE ? ORDER BY id

@@ target spring jdbc: status code as int
SELECT id, status_code::int AS status FROM users_v2 ORDER BY id
@@analysis READ target users_v2@43
@@rewritten
SELECT id, (CAST(users_v2.status AS VARCHAR(8)))::int AS status FROM users users_v2 ORDER BY id

@@ target spring jdbc: exists
SELECT EXISTS (SELECT 1 FROM users_v2 WHERE email = ? AND status_code = ?)
@@binds 'bob@x.io', '2'
@@analysis READ target users_v2@29
@@rewritten
SELECT EXISTS (SELECT 1 FROM users users_v2 WHERE email = ? AND (CAST(users_v2.status AS VARCHAR(8))) = ?)

@@ target mybatis: mapped result
SELECT v.id AS userId, v.full_name AS userName FROM users_v2 v WHERE v.status_code = ? ORDER BY v.id
@@binds '1'
@@analysis READ target users_v2@52
@@rewritten
SELECT v.id AS userId, v.name AS userName FROM users v WHERE (CAST(v.status AS VARCHAR(8))) = ? ORDER BY v.id

@@ target mybatis: left join roles
SELECT v.id, v.full_name, r.role
  FROM users_v2 v
  LEFT JOIN user_roles r ON r.user_id = v.id
 ORDER BY v.id, r.role
@@analysis READ target users_v2@40
@@rewritten
SELECT v.id, v.name AS full_name, r.role
  FROM users v
  LEFT JOIN user_roles r ON r.user_id = v.id
 ORDER BY v.id, r.role

@@ target report: group by having
select status_code, count(*) as n from users_v2 group by status_code having count(*) >= 2 order by status_code
@@analysis READ target users_v2@39
@@rewritten
select (CAST(users_v2.status AS VARCHAR(8))) AS status_code, count(*) as n from users users_v2 group by (CAST(users_v2.status AS VARCHAR(8))) having count(*) >= 2 order by (CAST(users_v2.status AS VARCHAR(8)))

@@ target report: distinct codes
select distinct status_code from users_v2 where status_code is not null
@@analysis READ target users_v2@33
@@rewritten
select distinct (CAST(users_v2.status AS VARCHAR(8))) AS status_code from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) is not null

@@ target report: window row_number
select id, full_name, row_number() over (partition by status_code order by full_name) as rn from users_v2 order by id
@@analysis READ target users_v2@97
@@rewritten
select id, name AS full_name, row_number() over (partition by (CAST(users_v2.status AS VARCHAR(8))) order by name) as rn from users users_v2 order by id

@@ target report: cte
with named as (select id, full_name from users_v2 where email is not null) select full_name from named order by id
@@analysis READ target users_v2@41
@@rewritten
with named as (select id, name AS full_name from users users_v2 where email is not null) select full_name from named order by id

@@ target report: cte named like the table
with users_v2 as (select id, full_name from users_v2 where status_code = '1') select full_name from users_v2 order by id
@@analysis READ target users_v2@44
@@rewritten
with users_v2 as (select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '1') select full_name from users_v2 order by id

@@ target report: union with orders
select id from users_v2 where status_code = '2' union select user_id from orders where state = 'open' order by 1
@@analysis READ target users_v2@15
@@rewritten
select id from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '2' union select user_id from orders where state = 'open' order by 1

@@ target report: except roles
select id from users_v2 except select user_id from user_roles order by 1
@@analysis READ target users_v2@15
@@rewritten
select id from users users_v2 except select user_id from user_roles order by 1

@@ target report: scalar subquery count
select v.id, (select count(*) from orders o where o.user_id = v.id) as cnt from users_v2 v order by v.id
@@analysis READ target users_v2@80
@@rewritten
select v.id, (select count(*) from orders o where o.user_id = v.id) as cnt from users v order by v.id

@@ target report: correlated scalar in where
select o.order_id from orders o where (select v.status_code from users_v2 v where v.id = o.user_id) = '1' order by o.order_id
@@analysis READ target users_v2@65
@@rewritten
select o.order_id from orders o where (select (CAST(v.status AS VARCHAR(8))) AS status_code from users v where v.id = o.user_id) = '1' order by o.order_id

@@ target report: in subquery
select order_id from orders where user_id in (select id from users_v2 where full_name like 'b%') order by order_id
@@analysis READ target users_v2@61
@@rewritten
select order_id from orders where user_id in (select id from users users_v2 where name like 'b%') order by order_id

@@ target report: self join
select a.full_name, b.full_name from users_v2 a join users_v2 b on a.status_code = b.status_code and a.id < b.id order by a.id, b.id
@@analysis READ target users_v2@37 target users_v2@53
@@rewritten
select a.name AS full_name, b.name AS full_name from users a join users b on (CAST(a.status AS VARCHAR(8))) = (CAST(b.status AS VARCHAR(8))) and a.id < b.id order by a.id, b.id

@@ target report: right join
select o.order_id, v.full_name from users_v2 v right join orders o on v.id = o.user_id order by o.order_id
@@analysis READ target users_v2@36
@@rewritten
select o.order_id, v.name AS full_name from users v right join orders o on v.id = o.user_id order by o.order_id

@@ target report: coalesce and concat
select id, coalesce(email, full_name || '@none') as contact from users_v2 order by id
@@analysis READ target users_v2@65
@@rewritten
select id, coalesce(email, name || '@none') as contact from users users_v2 order by id

@@ target report: distinct on
select distinct on (status_code) status_code, full_name from users_v2 order by status_code, id
@@analysis READ target users_v2@61
@@rewritten
select distinct on ((CAST(users_v2.status AS VARCHAR(8)))) (CAST(users_v2.status AS VARCHAR(8))) AS status_code, name AS full_name from users users_v2 order by (CAST(users_v2.status AS VARCHAR(8))), id

@@ target report: text cast
select id, status_code::int + 1 as next_code from users_v2 order by id
@@analysis READ target users_v2@50
@@rewritten
select id, (CAST(users_v2.status AS VARCHAR(8)))::int + 1 as next_code from users users_v2 order by id

@@ target report: string_agg
select status_code, string_agg(full_name, ', ' order by id) from users_v2 group by status_code order by status_code
@@analysis READ target users_v2@65
@@rewritten
select (CAST(users_v2.status AS VARCHAR(8))) AS status_code, string_agg(name, ', ' order by id) from users users_v2 group by (CAST(users_v2.status AS VARCHAR(8))) order by (CAST(users_v2.status AS VARCHAR(8)))

@@ target report: created_at filter
select id from users_v2 where created_at > now() - interval '1 day' order by id
@@analysis READ target users_v2@15
@@refused column created_at of users_v2 is not in users

@@ target report: date_trunc created_at
select date_trunc('day', created_at) as d, count(*) from users_v2 group by 1
@@analysis READ target users_v2@57
@@refused column created_at of users_v2 is not in users

@@ target style: upper case
SELECT ID, FULL_NAME FROM USERS_V2 WHERE STATUS_CODE = '2' ORDER BY ID
@@analysis READ target USERS_V2@26
@@rewritten
SELECT ID, name AS FULL_NAME FROM users USERS_V2 WHERE (CAST(USERS_V2.status AS VARCHAR(8))) = '2' ORDER BY ID

@@ target style: quoted names
select "id", "full_name", "status_code" from "users_v2" where "id" < 4 order by "id"
@@analysis READ target "users_v2"@45
@@rewritten
select "id", name AS "full_name", (CAST("users_v2".status AS VARCHAR(8))) AS "status_code" from users "users_v2" where "id" < 4 order by "id"

@@ target style: comment and line breaks
-- target lookup
select id,
       full_name   /* renamed from name */
  from users_v2
 where id = ?
@@binds 2
@@analysis READ target users_v2@78
@@rewritten
-- target lookup
select id,
       name AS full_name   /* renamed from name */
  from users users_v2
 where id = ?

@@ target style: alias named like the source table
select users.id, users.full_name from users_v2 users where users.id = 1
@@analysis READ target users_v2@38
@@rewritten
select users.id, users.name AS full_name from users users where users.id = 1

@@ target: select star
select * from users_v2 where id = ?
@@binds 1
@@analysis READ target users_v2@14
@@refused column created_at of users_v2 is not in users

@@ target: alias star
select v.* from users_v2 v order by v.id
@@analysis READ target users_v2@16
@@refused column created_at of users_v2 is not in users

@@ target: returns created_at in an expression
select id, coalesce(created_at, now()) from users_v2 where id = 1
@@analysis READ target users_v2@44
@@refused column created_at of users_v2 is not in users

@@ target: natural join
select id, full_name, role from users_v2 natural join (select user_id as id, role from user_roles) r order by id, role
@@analysis READ target users_v2@32; cannot analyse: column id could belong to more than one table in FROM
@@rewritten
select id, name AS full_name, role from users users_v2 join (select user_id as id, role from user_roles) r USING (id) order by id, role

@@ target: using on the renamed column
select a.id from users_v2 a join users_v2 b using (full_name) order by a.id
@@analysis READ target users_v2@17 target users_v2@33
@@refused the join matches on full_name, which is named differently in users; write the join with ON

@@ refused: select star
select * from users where id = ?
@@binds 1
@@analysis READ source users@14
@@refused column legacy_flag of users is not in users_v2

@@ refused: alias star
select u.* from users u order by u.id
@@analysis READ source users@16
@@refused column legacy_flag of users is not in users_v2

@@ refused: star with join
select * from users u join orders o on o.user_id = u.id order by o.order_id
@@analysis READ source users@14
@@refused column legacy_flag of users is not in users_v2

@@ refused: legacy_flag selected
select id, legacy_flag from users order by id
@@analysis READ source users@28
@@refused column legacy_flag of users is not in users_v2

@@ refused: legacy_flag in where
select id, name from users where legacy_flag = true order by id
@@analysis READ source users@21
@@refused column legacy_flag of users is not in users_v2

@@ refused: legacy_flag in order by
select id from users order by legacy_flag, id
@@analysis READ source users@15
@@refused column legacy_flag of users is not in users_v2

@@ refused: legacy_flag in a subquery
select o.order_id from orders o where o.user_id in (select id from users where legacy_flag) order by o.order_id
@@analysis READ source users@67
@@refused column legacy_flag of users is not in users_v2

@@ refused: natural join
select name, role from users natural join user_roles order by name, role
@@analysis READ source users@23
@@refused a NATURAL JOIN of tables that share no column is a cross join; write it as one

@@ refused: natural join on id
select id, name, role from users natural join (select user_id as id, role from user_roles) r order by id, role
@@analysis READ source users@27; cannot analyse: column id could belong to more than one table in FROM
@@rewritten
select id, full_name AS name, role from users_v2 users join (select user_id as id, role from user_roles) r USING (id) order by id, role

@@ refused: using on the renamed column
select a.id, b.id from users a join users b using (name) order by a.id
@@analysis READ source users@23 source users@36
@@refused the join matches on name, which is named differently in users_v2; write the join with ON

@@ refused?: using on id
select name, total from users join (select user_id as id, total from orders) o using (id) order by name, total
@@analysis READ source users@24
@@rewritten
select full_name AS name, total from users_v2 users join (select user_id as id, total from orders) o using (id) order by full_name, total

@@ refused?: count star on star subquery
select count(*) from (select * from users) t
@@analysis READ source users@36
@@refused column legacy_flag of users is not in users_v2

@@ refused?: row to json
select row_to_json(u) from users u where id = 1
@@analysis READ source users@27
@@refused u stands for a whole row of users, whose columns differ in users_v2

@@ refused?: whole row comparison
select u.id from users u where u is not null order by u.id
@@analysis READ source users@17
@@refused u stands for a whole row of users, whose columns differ in users_v2

@@ write hibernate 6: insert
insert into users (email,legacy_flag,name,status,id) values (?,?,?,?,?)
@@binds 'new@x.io', false, 'new', 1, 100
@@analysis WRITE source users@12

@@ write hibernate 6: update
update users set email=?,name=?,status=? where id=?
@@binds 'b2@x.io', 'bob2', 2, 2
@@analysis WRITE source users@7

@@ write hibernate 6: delete by id
delete from users where id=?
@@binds 6
@@analysis WRITE source users@12

@@ write hibernate 6: bulk hql update
update users u1_0 set status=? where u1_0.status is null
@@binds 0
@@analysis WRITE source users@7

@@ write hibernate 6: bulk delete with subquery
delete from users u1_0 where u1_0.id in(select o1_0.user_id from orders o1_0 where o1_0.state=?)
@@binds 'void'
@@analysis WRITE source users@12

@@ write hibernate 5: insert
insert into users (email, legacy_flag, name, status, id) values (?, ?, ?, ?, ?)
@@binds null, true, 'h5', 2, 101
@@analysis WRITE source users@12

@@ write hibernate 5: versionless update
update users set email=?, legacy_flag=?, name=?, status=? where id=?
@@binds 'c@x.io', false, 'cy', 2, 4
@@analysis WRITE source users@7

@@ write jooq: insert returning
insert into "users" ("id", "name", "email", "status") values (?, ?, ?, ?) returning "users"."id"
@@binds 102, 'jo', 'jo@x.io', 1
@@analysis WRITE source "users"@12

@@ write jooq: upsert do update
insert into "users" ("id", "name", "status") values (?, ?, ?) on conflict ("id") do update set "name" = excluded."name", "status" = excluded."status"
@@binds 1, 'ann2', 3
@@analysis WRITE source "users"@12

@@ write jooq: update with subquery
update "users" set "status" = (select count(*) from "orders" where "orders"."user_id" = "users"."id") where "users"."id" = ?
@@binds 1
@@analysis WRITE source "users"@7

@@ write spring data jdbc: insert
INSERT INTO "users" ("name", "email", "status", "id") VALUES (?, ?, ?, ?)
@@binds 'sd', 'sd@x.io', 1, 103
@@analysis WRITE source "users"@12

@@ write spring data jdbc: update
UPDATE "users" SET "name" = ?, "email" = ?, "status" = ? WHERE "users"."id" = ?
@@binds 'bea2', 'bea@x.io', 1, 3
@@analysis WRITE source "users"@7

@@ write spring data jdbc: delete
DELETE FROM "users" WHERE "users"."id" = ?
@@binds 3
@@analysis WRITE source "users"@12

@@ write: insert without column list
INSERT INTO users VALUES (104, 'zed', 'zed@x.io', 1, false)
@@analysis WRITE source users@12

@@ write: multi-row insert
insert into users (id, name, email, status) values (105, 'a5', null, 1), (106, 'a6', 'a6@x.io', 2), (107, 'a7', 'a7@x.io', null)
@@analysis WRITE source users@12

@@ write: insert select from users
insert into users (id, name, email, status, legacy_flag) select id + 200, name || '-copy', email, status, legacy_flag from users where status = 1
@@analysis WRITE source users@12 source users@123

@@ write: on conflict do nothing
insert into users (id, name) values (1, 'dup') on conflict do nothing
@@analysis WRITE source users@12

@@ write: on conflict on id do update with where
insert into users as u (id, name, status) values (2, 'bob', 5) on conflict (id) do update set status = u.status + excluded.status where u.legacy_flag is not true returning u.id, u.status
@@analysis WRITE source users@12; cannot analyse: cannot parse: Non-query expression encountered in illegal context

@@ write: update from orders
update users u set status = 9 from orders o where o.user_id = u.id and o.state = 'void'
@@analysis WRITE source users@7

@@ write: update with correlated exists
UPDATE users SET legacy_flag = false WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role = 'admin')
@@analysis WRITE source users@7

@@ write: update returning
update users set name = upper(name) where name ilike ? returning id, name
@@binds 'b%'
@@analysis WRITE source users@7

@@ write: delete with not in subquery
delete from users where id not in (select user_id from orders where user_id is not null)
@@analysis WRITE source users@12

@@ write: delete using
delete from users u using user_roles r where r.user_id = u.id and r.role = 'audit'
@@analysis WRITE source users@12

@@ write: delete returning
DELETE FROM users WHERE email IS NULL RETURNING id, name
@@analysis WRITE source users@12

@@ write: merge
merge into users u using (select 7 as id, 'gus' as name) s on u.id = s.id when matched then update set name = s.name when not matched then insert (id, name) values (s.id, s.name)
@@analysis WRITE source users@11

@@ write: insert into orders selecting from users
insert into orders (order_id, user_id, total, state) select id + 100, id, 0, 'new' from users where status = 2
@@analysis WRITE source users@88

@@ write: update orders by users subquery
update orders set state = 'held' where user_id in (select id from users where legacy_flag)
@@analysis WRITE source users@66

@@ write: delete roles of target users
delete from user_roles where user_id in (select id from users_v2 where status_code = '2')
@@analysis WRITE target users_v2@56

@@ write target: insert with default created_at
insert into users_v2 (id, full_name, email, status_code) values (?, ?, ?, ?)
@@binds 110, 'tv', 'tv@x.io', '1'
@@analysis WRITE target users_v2@12

@@ write target: insert with created_at and returning
INSERT INTO users_v2 (id, full_name, email, status_code, created_at) VALUES (111, 'tw', NULL, '2', now()) RETURNING id, created_at
@@analysis WRITE target users_v2@12

@@ write target: multi-row insert
insert into users_v2 (id, full_name, status_code) values (112, 'x1', '1'), (113, 'x2', null)
@@analysis WRITE target users_v2@12

@@ write target: upsert
insert into users_v2 (id, full_name, email, status_code) values (?, ?, ?, ?) on conflict (id) do update set full_name = excluded.full_name, email = excluded.email
@@binds 1, 'ann v2', 'ann2@x.io', '1'
@@analysis WRITE target users_v2@12

@@ write target: update
update users_v2 set full_name = ?, status_code = ? where id = ?
@@binds 'cy2', '4', 4
@@analysis WRITE target users_v2@7

@@ write target: update from orders
update users_v2 v set status_code = '9' from orders o where o.user_id = v.id and o.total > 30
@@analysis WRITE target users_v2@7

@@ write target: delete by id
DELETE FROM "users_v2" WHERE "users_v2"."id" = ?
@@binds 5
@@analysis WRITE target "users_v2"@12

@@ write target: delete using roles
delete from users_v2 v using user_roles r where r.user_id = v.id and r.role = 'user'
@@analysis WRITE target users_v2@12

@@ write target: insert select from target
insert into users_v2 (id, full_name, email, status_code) select id + 300, full_name, email, status_code from users_v2 where created_at is not null
@@analysis WRITE target users_v2@12 target users_v2@109

@@ write: writable cte deleting nothing
with gone as (delete from users where id = 999 returning id) select count(*) from gone
@@analysis WRITE source users@26; cannot analyse: cannot parse: Encountered "delete" at line 1, column 15.

@@ write: cte feeding an insert of nothing
with src as (select user_id from orders where order_id = 999) insert into users (id, name) select user_id, 'x' from src
@@analysis WRITE source users@74; cannot analyse: cannot parse: Encountered "insert" at line 1, column 63.

@@ ddl: add column
ALTER TABLE users ADD COLUMN nickname VARCHAR(30)
@@analysis DDL source users@12

@@ ddl: create index
CREATE INDEX idx_users_email ON users (email)
@@analysis DDL source users@32

@@ ddl: create index concurrently on target
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_v2_email ON users_v2 (email)
@@analysis DDL target users_v2@62

@@ ddl: truncate
TRUNCATE TABLE users RESTART IDENTITY
@@analysis DDL source users@15

@@ ddl: create table referencing users
CREATE TABLE user_settings (user_id INT REFERENCES users (id), setting_key VARCHAR(40), setting_value TEXT)
@@analysis DDL source users@51

@@ ddl: drop unrelated table
DROP TABLE IF EXISTS user_settings
@@analysis DDL

@@ ddl: comment on table
COMMENT ON TABLE users IS 'legacy users table, being migrated to users_v2'
@@analysis DDL source users@17

@@ ddl: create view
CREATE VIEW active_users AS SELECT id, name FROM users WHERE status = 1
@@analysis DDL source users@49

@@ ddl: grant
GRANT SELECT ON users_v2 TO PUBLIC
@@analysis DDL target users_v2@16

@@ session: set search_path
SET search_path TO tandem, public
@@analysis SESSION

@@ session: set statement timeout
SET statement_timeout = 5000
@@analysis SESSION

@@ session: lock table
LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE
@@analysis SESSION source users@11

@@ session: transaction isolation
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ
@@analysis SESSION

@@ other: explain
EXPLAIN SELECT id, name FROM users WHERE id = 1
@@analysis OTHER source users@29

@@ other: analyze
ANALYZE users
@@analysis OTHER source users@8

@@ none: select 1
select 1
@@analysis READ
@@rewritten
select 1

@@ none: orders by state
select order_id, total from orders where state = ? order by order_id
@@binds 'open'
@@analysis READ
@@rewritten
select order_id, total from orders where state = ? order by order_id

@@ none: roles per user
select user_id, count(*) from user_roles group by user_id order by user_id
@@analysis READ
@@rewritten
select user_id, count(*) from user_roles group by user_id order by user_id

@@ none: version
select version()
@@analysis READ
@@rewritten
select version()

@@ none: current schema
select current_schema()
@@analysis READ
@@rewritten
select current_schema()

@@ none: orders of users with roles
select o.order_id from orders o where o.user_id in (select user_id from user_roles) order by o.order_id
@@analysis READ
@@rewritten
select o.order_id from orders o where o.user_id in (select user_id from user_roles) order by o.order_id

@@ none: literal naming the table
select 'users' as t, 'users_v2' as u
@@analysis READ
@@rewritten
select 'users' as t, 'users_v2' as u

@@ none: alias named users
select count(*) as users from orders
@@analysis READ
@@rewritten
select count(*) as users from orders

@@ none: column alias containing the name
select users_count from (select count(*) as users_count from orders) x
@@analysis READ
@@rewritten
select users_count from (select count(*) as users_count from orders) x

@@ none: flyway schema exists
SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?
@@binds 'public'
@@analysis READ
@@rewritten
SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?

@@ none: flyway table lookup
SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'users')
@@analysis READ
@@rewritten
SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'users')

@@ none: advisory lock
SELECT pg_try_advisory_xact_lock(77431708279161)
@@analysis READ
@@rewritten
SELECT pg_try_advisory_xact_lock(77431708279161)

@@ schema-qualified: public.users
select id, name from public.users where id = ?
@@binds 1
@@analysis READ source public.users@21
@@rewritten
select id, full_name AS name from public.users_v2 users where id = ?

@@ schema-qualified: quoted schema and table
select "users"."id", "users"."name" from "tandem_rw_source"."users" where "users"."id" = ?
@@binds 2
@@analysis READ source "tandem_rw_source"."users"@41
@@rewritten
select "users"."id", "users".full_name AS "name" from "tandem_rw_source".users_v2 "users" where "users"."id" = ?

@@ schema-qualified: target in public
select u.id, u.full_name from public.users_v2 u order by u.id
@@analysis READ target public.users_v2@30
@@rewritten
select u.id, u.name AS full_name from public.users u order by u.id

@@ schema-qualified: update
update public.users set status = 2 where id = 1
@@analysis WRITE source public.users@7

@@ both tables: verification join
select count(*) from users u full join users_v2 v on v.id = u.id where v.id is null or u.id is null
@@analysis READ source users@21 target users_v2@39

@@ both tables: backfill insert
insert into users_v2 (id, full_name, email, status_code) select id, name, email, cast(status as varchar(8)) from users on conflict (id) do nothing
@@analysis WRITE target users_v2@12 source users@113

@@ postgres: distinct on a column not selected
select distinct on (status) id, name from users order by status, id
@@analysis READ source users@42
@@rewritten
select distinct on ((CAST(users.status_code AS INT))) id, full_name AS name from users_v2 users order by (CAST(users.status_code AS INT)), id

@@ postgres: name::text label
select name::text from users order by id
@@analysis READ source users@23
@@rewritten
select full_name::text AS name from users_v2 users order by id

@@ report: unqualified renamed column in a join
select name, role from users u join user_roles r on r.user_id = u.id order by name, role
@@analysis READ source users@23
@@rewritten
select full_name AS name, role from users_v2 u join user_roles r on r.user_id = u.id order by full_name, role

@@ report: outer column referenced unqualified in exists
select id from users where exists (select 1 from user_roles where user_id = id and role <> name) order by id
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where exists (select 1 from user_roles where user_id = id and role <> full_name) order by id

@@ report: outer renamed column in a scalar subquery
select u.id, (select count(*) from orders o where o.state = u.name) as same from users u order by u.id
@@analysis READ source users@81
@@rewritten
select u.id, (select count(*) from orders o where o.state = u.full_name) as same from users_v2 u order by u.id

@@ report: in subquery selecting from users
select order_id from orders where user_id in (select id from users where name = 'ann') order by order_id
@@analysis READ source users@61
@@rewritten
select order_id from orders where user_id in (select id from users_v2 users where full_name = 'ann') order by order_id

@@ report: count distinct status
select count(distinct status) as n from users
@@analysis READ source users@40
@@rewritten
select count(distinct (CAST(users.status_code AS INT))) as n from users_v2 users

@@ report: named window
select id, row_number() over w as rn from users window w as (partition by status order by id) order by id
@@analysis READ source users@42
@@rewritten
select id, row_number() over w as rn from users_v2 users window w as (partition by (CAST(users.status_code AS INT)) order by id) order by id

@@ report: having on grouped column
select status from users group by status having status > 1 order by status
@@analysis READ source users@19
@@rewritten
select (CAST(users.status_code AS INT)) AS status from users_v2 users group by (CAST(users.status_code AS INT)) having (CAST(users.status_code AS INT)) > 1 order by (CAST(users.status_code AS INT))

@@ report: group by renamed column having count
select name from users group by name having count(*) = 1 order by name
@@analysis READ source users@17
@@rewritten
select full_name AS name from users_v2 users group by full_name having count(*) = 1 order by full_name

@@ report: quoted alias keeps case
select u.name as "User Name", u.status as "Status" from users u order by u.id
@@analysis READ source users@56
@@rewritten
select u.full_name as "User Name", (CAST(u.status_code AS INT)) as "Status" from users_v2 u order by u.id

@@ report: coalesce aliased back to the column name
select coalesce(name, 'x') as name from users order by name
@@analysis READ source users@40
@@rewritten
select coalesce(full_name, 'x') as name from users_v2 users order by name

@@ report: exists with star
select u.id from users u where exists (select * from users x where x.id = u.id + 1) order by u.id
@@analysis READ source users@17 source users@53
@@rewritten
select u.id from users_v2 u where exists (select * from users_v2 x where x.id = u.id + 1) order by u.id

@@ report: star over orders only
select * from orders where user_id in (select id from users where status = 1) order by order_id
@@analysis READ source users@54
@@rewritten
select * from orders where user_id in (select id from users_v2 users where (CAST(users.status_code AS INT)) = 1) order by order_id

@@ report: orders star with user name
select o.*, u.name from orders o join users u on u.id = o.user_id order by o.order_id
@@analysis READ source users@38
@@rewritten
select o.*, u.full_name AS name from orders o join users_v2 u on u.id = o.user_id order by o.order_id

@@ report: derived table aliased like the table
select users.name from (select id, name from users where status = 2) users order by users.id
@@analysis READ source users@45
@@rewritten
select users.name from (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2) users order by users.id

@@ report: similar to
select count(*) from users where name similar to 'b%'
@@analysis READ source users@21
@@rewritten
select count(*) from users_v2 users where full_name similar to 'b%'

@@ style: doubled quote in a literal
select id from users where name <> 'O''Brien from users' and coalesce(email, '') not like '%''%' order by id
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where full_name <> 'O''Brien from users' and coalesce(email, '') not like '%''%' order by id

@@ style: dollar-quoted literal naming the table
select id, $$from users$$ as note from users where name <> $q$users$q$ order by id
@@analysis READ source users@39
@@rewritten
select id, $$from users$$ as note from users_v2 users where full_name <> $q$users$q$ order by id

@@ style: escape string literal
select id from users where name <> E'users\'s' order by id
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where full_name <> E'users\'s' order by id

@@ style: comment with a quote before
/* it's the users lookup */ select id, name from users where id = 2
@@analysis READ source users@49
@@rewritten
/* it's the users lookup */ select id, full_name AS name from users_v2 users where id = 2

@@ style: nested block comment
/* outer /* inner users */ still a comment */ select id, name from users where id = 3
@@analysis READ source users@67
@@rewritten
/* outer /* inner users */ still a comment */ select id, full_name AS name from users_v2 users where id = 3

@@ style: alias with a space
select u.name as "user name" from users u where u.id = 1
@@analysis READ source users@34
@@rewritten
select u.full_name as "user name" from users_v2 u where u.id = 1

@@ target: cte named like the source table
with users as (select id, full_name from users_v2) select full_name from users order by id
@@analysis READ target users_v2@41
@@rewritten
with users as (select id, name AS full_name from users users_v2) select full_name from users order by id

@@ report: cte named like the target table over users
with users_v2 as (select id, name from users) select name from users_v2 order by id
@@analysis READ source users@39
@@rewritten
with users_v2 as (select id, full_name AS name from users_v2 users) select name from users_v2 order by id

@@ target: filter clause on code
select count(*) filter (where status_code = '1') as ones from users_v2
@@analysis READ target users_v2@62
@@rewritten
select count(*) filter (where (CAST(users_v2.status AS VARCHAR(8))) = '1') as ones from users users_v2

@@ target: unqualified renamed column in a join
select full_name, role from users_v2 v join user_roles r on r.user_id = v.id order by full_name, role
@@analysis READ target users_v2@28
@@rewritten
select name AS full_name, role from users v join user_roles r on r.user_id = v.id order by name, role

@@ target: outer column referenced in exists
select id from users_v2 where exists (select 1 from orders where user_id = id and state <> full_name) order by id
@@analysis READ target users_v2@15
@@rewritten
select id from users users_v2 where exists (select 1 from orders where user_id = id and state <> name) order by id

@@ target: cast in where
select id, full_name from users_v2 where status_code::int > 1 order by id
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8)))::int > 1 order by id

@@ target: group by renamed column
select full_name, count(*) from users_v2 group by full_name order by full_name
@@analysis READ target users_v2@32
@@rewritten
select name AS full_name, count(*) from users users_v2 group by name order by name

@@ target: quoted alias keeps case
select v.full_name as "Full Name" from users_v2 v where v.id = 2
@@analysis READ target users_v2@39
@@rewritten
select v.name as "Full Name" from users v where v.id = 2

@@ target: exists with star
select exists (select * from users_v2 where status_code = '3')
@@analysis READ target users_v2@29
@@rewritten
select exists (select * from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '3')

@@ target: distinct on a column not selected
select distinct on (status_code) id, full_name from users_v2 order by status_code, id
@@analysis READ target users_v2@52
@@rewritten
select distinct on ((CAST(users_v2.status AS VARCHAR(8)))) id, name AS full_name from users users_v2 order by (CAST(users_v2.status AS VARCHAR(8))), id

@@ target: parenthesised column
select (full_name) from users_v2 where id = 4
@@analysis READ target users_v2@24
@@rewritten
select (name) AS full_name from users users_v2 where id = 4

@@ target: full_name::text label
select full_name::varchar(20) from users_v2 order by id
@@analysis READ target users_v2@35
@@rewritten
select name::varchar(20) AS full_name from users users_v2 order by id

@@ target: union of two lookups
select full_name from users_v2 where id = 1 union all select full_name from users_v2 where id = 2 order by 1
@@analysis READ target users_v2@22 target users_v2@76
@@rewritten
select name AS full_name from users users_v2 where id = 1 union all select name AS full_name from users users_v2 where id = 2 order by 1

@@ target: lateral orders
select v.full_name, t.total from users_v2 v cross join lateral (select total from orders o where o.user_id = v.id order by o.total desc limit 1) t order by v.id
@@analysis READ target users_v2@33
@@rewritten
select v.name AS full_name, t.total from users v cross join lateral (select total from orders o where o.user_id = v.id order by o.total desc limit 1) t order by v.id

@@ target: whole-row reference
select row_to_json(v) from users_v2 v where v.id = 2
@@analysis READ target users_v2@27
@@refused v stands for a whole row of users_v2, whose columns differ in users

@@ none: values
values (1, 'users'), (2, 'users_v2')
@@analysis READ
@@rewritten
values (1, 'users'), (2, 'users_v2')

@@ target report: case on status code
select id, case status_code when '1' then 'one' when '2' then 'two' else 'other' end as label from users_v2 order by id
@@analysis READ target users_v2@99
@@rewritten
select id, case (CAST(users_v2.status AS VARCHAR(8))) when '1' then 'one' when '2' then 'two' else 'other' end as label from users users_v2 order by id

@@ schema-qualified: jooq fully qualified columns
select "public"."users"."id", "public"."users"."name" from "public"."users" where "public"."users"."status" = ?
@@binds 1
@@analysis READ source "public"."users"@59
@@rewritten
select "users"."id", "users".full_name AS "name" from "public".users_v2 "users" where (CAST("users".status_code AS INT)) = ?

@@ hibernate 6: simple case on status
select u1_0.id,case u1_0.status when 1 then 'one' when 2 then 'two' else 'other' end from users u1_0 order by u1_0.id
@@analysis READ source users@90
@@rewritten
select u1_0.id,case (CAST(u1_0.status_code AS INT)) when 1 then 'one' when 2 then 'two' else 'other' end from users_v2 u1_0 order by u1_0.id


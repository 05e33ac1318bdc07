-- The golden corpus for this dialect: see CorpusTest for the format. The source table is users
-- (id, name, email, status, legacy_flag), the target users_v2 (id, full_name, email, status_code,
-- created_at); name is renamed full_name, legacy_flag is source-only, status becomes status_code
-- through CAST both ways, created_at is target-only. orders (order_id, user_id, total, state) and
-- user_roles (user_id, role) are not migrated.

@@ find by id
SELECT id, name FROM users WHERE id = ?
@@binds 2
@@analysis READ source users@21
@@rewritten
SELECT id, full_name AS name FROM users_v2 users WHERE id = ?

@@ target read by id
SELECT id, full_name FROM users_v2 WHERE id = ?
@@binds 2
@@analysis READ target users_v2@26
@@rewritten
SELECT id, name AS full_name FROM users users_v2 WHERE id = ?

@@ update by id
UPDATE users SET email = ? WHERE id = ?
@@binds 'x@y.z', 1
@@analysis WRITE source users@7

@@ hibernate 6: find by id
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id=?
@@binds 3
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.id=?

@@ hibernate 6: find by name
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.name=?
@@binds 'bob'
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.full_name=?

@@ hibernate 6: page with offset/fetch
select u1_0.id,u1_0.email,u1_0.name from users u1_0 order by u1_0.id offset ? rows fetch first ? rows only
@@binds 2, 3
@@analysis READ source users@41
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name from users_v2 u1_0 order by u1_0.id offset ? rows fetch first ? rows only

@@ hibernate 6: first page with fetch first
select u1_0.id,u1_0.name from users u1_0 where u1_0.status=? order by u1_0.name fetch first ? rows only
@@binds 1, 10
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where (CAST(u1_0.status_code AS INT))=? order by u1_0.full_name fetch first ? rows only

@@ hibernate 6: count query of a page
select count(u1_0.id) from users u1_0 where u1_0.status=?
@@binds 2
@@analysis READ source users@27
@@rewritten
select count(u1_0.id) from users_v2 u1_0 where (CAST(u1_0.status_code AS INT))=?

@@ hibernate 6: count star
select count(*) from users u1_0
@@analysis READ source users@21
@@rewritten
select count(*) from users_v2 u1_0

@@ hibernate 6: exists by email
select u1_0.id from users u1_0 where u1_0.email=? fetch first ? rows only
@@binds 'bea@x.io', 1
@@analysis READ source users@20
@@rewritten
select u1_0.id from users_v2 u1_0 where u1_0.email=? fetch first ? rows only

@@ hibernate 6: in list of ids
select u1_0.id,u1_0.name from users u1_0 where u1_0.id in (?,?,?)
@@binds 1, 3, 5
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.id in (?,?,?)

@@ hibernate 6: like with escape
select u1_0.id,u1_0.name from users u1_0 where u1_0.name like ? escape '\'
@@binds 'b%'
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.full_name like ? escape '\'

@@ hibernate 6: upper like (case-insensitive containing)
select u1_0.id,u1_0.name from users u1_0 where upper(u1_0.name) like upper(?) escape '\' order by u1_0.id
@@binds '%E%'
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where upper(u1_0.full_name) like upper(?) escape '\' order by u1_0.id

@@ hibernate 6: is null and order by desc
select u1_0.id,u1_0.name from users u1_0 where u1_0.email is null or u1_0.status is null order by u1_0.id desc
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.email is null or (CAST(u1_0.status_code AS INT)) is null order by u1_0.id desc

@@ hibernate 6: join fetch of orders (inner join)
select u1_0.id,u1_0.name,o1_0.order_id,o1_0.total from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id where u1_0.id=?
@@binds 1
@@analysis READ source users@55
@@rewritten
select u1_0.id,u1_0.full_name AS name,o1_0.order_id,o1_0.total from users_v2 u1_0 join orders o1_0 on u1_0.id=o1_0.user_id where u1_0.id=?

@@ hibernate 6: left join to roles
select u1_0.id,u1_0.name,r1_0.role from users u1_0 left join user_roles r1_0 on u1_0.id=r1_0.user_id order by u1_0.id,r1_0.role
@@analysis READ source users@40
@@rewritten
select u1_0.id,u1_0.full_name AS name,r1_0.role from users_v2 u1_0 left join user_roles r1_0 on u1_0.id=r1_0.user_id order by u1_0.id,r1_0.role

@@ hibernate 6: entity from order side (many-to-one)
select o1_0.order_id,o1_0.state,o1_0.total,u1_0.id,u1_0.email,u1_0.name,u1_0.status from orders o1_0 left join users u1_0 on u1_0.id=o1_0.user_id where o1_0.order_id=?
@@binds 3
@@analysis READ source users@111
@@rewritten
select o1_0.order_id,o1_0.state,o1_0.total,u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from orders o1_0 left join users_v2 u1_0 on u1_0.id=o1_0.user_id where o1_0.order_id=?

@@ hibernate 6: unaliased scalar subquery in select list
select o1_0.order_id,(select u1_0.name from users u1_0 where u1_0.id=o1_0.user_id) from orders o1_0 order by o1_0.order_id
@@analysis READ source users@44
@@refused H2 labels the unnamed select item (select u1_0.name from users u1_0 where u1_0.id=o1_0.user_id) with its own rendering of it, which the translation changes; name it with AS

@@ hibernate 6: upper() projection without alias
select upper(u1_0.name) from users u1_0 order by u1_0.id
@@analysis READ source users@29
@@refused H2 labels the unnamed select item upper(u1_0.name) with its own rendering of it, which the translation changes; name it with AS

@@ hibernate 6: exists subquery
select u1_0.id,u1_0.name from users u1_0 where exists(select 1 from orders o1_0 where o1_0.user_id=u1_0.id and o1_0.state=?)
@@binds 'open'
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where exists(select 1 from orders o1_0 where o1_0.user_id=u1_0.id and o1_0.state=?)

@@ hibernate 6: group by status with count
select u1_0.status,count(u1_0.id) from users u1_0 group by u1_0.status order by u1_0.status
@@analysis READ source users@39
@@rewritten
select (CAST(u1_0.status_code AS INT)) AS status,count(u1_0.id) from users_v2 u1_0 group by (CAST(u1_0.status_code AS INT)) order by (CAST(u1_0.status_code AS INT))

@@ hibernate 6: pessimistic lock
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id=? for update
@@binds 4
@@analysis READ locking source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.id=? for update

@@ hibernate 6: tuple projection with coalesce
select u1_0.id,coalesce(u1_0.email,u1_0.name) from users u1_0 order by u1_0.id
@@analysis READ source users@51
@@refused H2 labels the unnamed select item coalesce(u1_0.email,u1_0.name) with its own rendering of it, which the translation changes; name it with AS

@@ hibernate 5: find by id
select user0_.id as id1_0_0_, user0_.email as email2_0_0_, user0_.name as name3_0_0_, user0_.status as status4_0_0_ from users user0_ where user0_.id=?
@@binds 1
@@analysis READ source users@121
@@rewritten
select user0_.id as id1_0_0_, user0_.email as email2_0_0_, user0_.full_name as name3_0_0_, (CAST(user0_.status_code AS INT)) as status4_0_0_ from users_v2 user0_ where user0_.id=?

@@ hibernate 5: query with limit
select user0_.id as id1_0_, user0_.email as email2_0_, user0_.name as name3_0_, user0_.status as status4_0_ from users user0_ order by user0_.id limit ?
@@binds 2
@@analysis READ source users@113
@@rewritten
select user0_.id as id1_0_, user0_.email as email2_0_, user0_.full_name as name3_0_, (CAST(user0_.status_code AS INT)) as status4_0_ from users_v2 user0_ order by user0_.id limit ?

@@ hibernate 5: query with limit and offset
select user0_.id as id1_0_, user0_.name as name3_0_ from users user0_ where user0_.status is not null order by user0_.name asc limit ? offset ?
@@binds 2, 1
@@analysis READ source users@57
@@rewritten
select user0_.id as id1_0_, user0_.full_name as name3_0_ from users_v2 user0_ where (CAST(user0_.status_code AS INT)) is not null order by user0_.full_name asc limit ? offset ?

@@ hibernate 5: count
select count(user0_.id) as col_0_0_ from users user0_ where user0_.name like ?
@@binds '%e%'
@@analysis READ source users@41
@@rewritten
select count(user0_.id) as col_0_0_ from users_v2 user0_ where user0_.full_name like ?

@@ hibernate 5: inner join with orders
select user0_.id as id1_0_, user0_.name as name3_0_, orders1_.total as total3_1_ from users user0_ inner join orders orders1_ on user0_.id=orders1_.user_id where orders1_.state=? order by orders1_.order_id
@@binds 'paid'
@@analysis READ source users@86
@@rewritten
select user0_.id as id1_0_, user0_.full_name as name3_0_, orders1_.total as total3_1_ from users_v2 user0_ inner join orders orders1_ on user0_.id=orders1_.user_id where orders1_.state=? order by orders1_.order_id

@@ hibernate 5: left outer join and distinct
select distinct user0_.id as id1_0_, user0_.name as name3_0_ from users user0_ left outer join user_roles roles1_ on user0_.id=roles1_.user_id where roles1_.role=?
@@binds 'user'
@@analysis READ source users@66
@@rewritten
select distinct user0_.id as id1_0_, user0_.full_name as name3_0_ from users_v2 user0_ left outer join user_roles roles1_ on user0_.id=roles1_.user_id where roles1_.role=?

@@ hibernate 5: in subquery
select user0_.id as id1_0_, user0_.name as name3_0_ from users user0_ where user0_.id in (select orders1_.user_id from orders orders1_ where orders1_.total>?)
@@binds 10.00
@@analysis READ source users@57
@@rewritten
select user0_.id as id1_0_, user0_.full_name as name3_0_ from users_v2 user0_ where user0_.id in (select orders1_.user_id from orders orders1_ where orders1_.total>?)

@@ hibernate 5: for update
select user0_.id as id1_0_0_, user0_.name as name3_0_0_ from users user0_ where user0_.id=? for update
@@binds 2
@@analysis READ locking source users@61
@@rewritten
select user0_.id as id1_0_0_, user0_.full_name as name3_0_0_ from users_v2 user0_ where user0_.id=? for update

@@ jooq: select by id
select "USERS"."ID", "USERS"."NAME", "USERS"."EMAIL" from "USERS" where "USERS"."ID" = ?
@@binds 5
@@analysis READ source "USERS"@58
@@rewritten
select "USERS"."ID", "USERS".full_name AS "NAME", "USERS"."EMAIL" from users_v2 "USERS" where "USERS"."ID" = ?

@@ jooq: cast bind and fetch next
select "USERS"."ID", "USERS"."NAME" from "USERS" where "USERS"."STATUS" = cast(? as int) order by "USERS"."ID" offset ? rows fetch next ? rows only
@@binds 1, 0, 5
@@analysis READ source "USERS"@41
@@rewritten
select "USERS"."ID", "USERS".full_name AS "NAME" from users_v2 "USERS" where (CAST("USERS".status_code AS INT)) = cast(? as int) order by "USERS"."ID" offset ? rows fetch next ? rows only

@@ jooq: limit offset
select "USERS"."ID", "USERS"."NAME", "USERS"."STATUS" from "USERS" order by "USERS"."ID" desc limit ? offset ?
@@binds 3, 1
@@analysis READ source "USERS"@59
@@rewritten
select "USERS"."ID", "USERS".full_name AS "NAME", (CAST("USERS".status_code AS INT)) AS "STATUS" from users_v2 "USERS" order by "USERS"."ID" desc limit ? offset ?

@@ jooq: count with quoted alias
select count(*) as "count" from "USERS" where "USERS"."STATUS" in (?, ?)
@@binds 1, 2
@@analysis READ source "USERS"@32
@@rewritten
select count(*) as "count" from users_v2 "USERS" where (CAST("USERS".status_code AS INT)) in (?, ?)

@@ jooq: aliased table and join
select "u"."ID", "u"."NAME", "o"."TOTAL" from "USERS" as "u" join "ORDERS" as "o" on "o"."USER_ID" = "u"."ID" where "o"."STATE" = ? order by "o"."ORDER_ID"
@@binds 'open'
@@analysis READ source "USERS"@46
@@rewritten
select "u"."ID", "u".full_name AS "NAME", "o"."TOTAL" from users_v2 as "u" join "ORDERS" as "o" on "o"."USER_ID" = "u"."ID" where "o"."STATE" = ? order by "o"."ORDER_ID"

@@ jooq: group by having with quoted alias
select "USERS"."STATUS", count(*) as "n" from "USERS" group by "USERS"."STATUS" having count(*) > ? order by "USERS"."STATUS"
@@binds 1
@@analysis READ source "USERS"@46
@@rewritten
select (CAST("USERS".status_code AS INT)) AS "STATUS", count(*) as "n" from users_v2 "USERS" group by (CAST("USERS".status_code AS INT)) having count(*) > ? order by (CAST("USERS".status_code AS INT))

@@ jooq: derived table with quoted alias
select "t"."NAME" from (select "USERS"."NAME" from "USERS" where "USERS"."STATUS" = ?) as "t" order by "t"."NAME"
@@binds 1
@@analysis READ source "USERS"@51
@@rewritten
select "t"."NAME" from (select "USERS".full_name AS "NAME" from users_v2 "USERS" where (CAST("USERS".status_code AS INT)) = ?) as "t" order by "t"."NAME"

@@ jooq: exists with select 1
select "USERS"."ID" from "USERS" where exists (select 1 as "one" from "USER_ROLES" where "USER_ROLES"."USER_ID" = "USERS"."ID" and "USER_ROLES"."ROLE" = ?)
@@binds 'admin'
@@analysis READ source "USERS"@25
@@rewritten
select "USERS"."ID" from users_v2 "USERS" where exists (select 1 as "one" from "USER_ROLES" where "USER_ROLES"."USER_ID" = "USERS"."ID" and "USER_ROLES"."ROLE" = ?)

@@ jooq: case expression
select "USERS"."ID", case when "USERS"."STATUS" = ? then 'active' when "USERS"."STATUS" is null then 'unknown' else 'other' end as "label" from "USERS" order by "USERS"."ID"
@@binds 1
@@analysis READ source "USERS"@144
@@rewritten
select "USERS"."ID", case when (CAST("USERS".status_code AS INT)) = ? then 'active' when (CAST("USERS".status_code AS INT)) is null then 'unknown' else 'other' end as "label" from users_v2 "USERS" order by "USERS"."ID"

@@ jooq: for update
select "USERS"."ID", "USERS"."EMAIL" from "USERS" where "USERS"."ID" = ? for update
@@binds 1
@@analysis READ locking source "USERS"@42
@@rewritten
select "USERS"."ID", "USERS"."EMAIL" from users_v2 "USERS" where "USERS"."ID" = ? for update

@@ spring data jdbc: find by id
SELECT "USERS"."ID" AS "ID", "USERS"."NAME" AS "NAME", "USERS"."EMAIL" AS "EMAIL", "USERS"."STATUS" AS "STATUS" FROM "USERS" WHERE "USERS"."ID" = ?
@@binds 6
@@analysis READ source "USERS"@117
@@rewritten
SELECT "USERS"."ID" AS "ID", "USERS".full_name AS "NAME", "USERS"."EMAIL" AS "EMAIL", (CAST("USERS".status_code AS INT)) AS "STATUS" FROM users_v2 "USERS" WHERE "USERS"."ID" = ?

@@ spring data jdbc: find all sorted and paged
SELECT "USERS"."ID" AS "ID", "USERS"."NAME" AS "NAME" FROM "USERS" ORDER BY "USERS"."NAME" ASC OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY
@@analysis READ source "USERS"@59
@@rewritten
SELECT "USERS"."ID" AS "ID", "USERS".full_name AS "NAME" FROM users_v2 "USERS" ORDER BY "USERS".full_name ASC OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY

@@ spring data jdbc: count
SELECT COUNT(*) FROM "USERS"
@@analysis READ source "USERS"@21
@@rewritten
SELECT COUNT(*) FROM users_v2 "USERS"

@@ spring data jdbc: exists by id
SELECT COUNT(*) FROM "USERS" WHERE "USERS"."ID" = ?
@@binds 3
@@analysis READ source "USERS"@21
@@rewritten
SELECT COUNT(*) FROM users_v2 "USERS" WHERE "USERS"."ID" = ?

@@ spring data jdbc: derived query findByNameAndStatus
SELECT "USERS"."ID" AS "ID", "USERS"."NAME" AS "NAME", "USERS"."STATUS" AS "STATUS" FROM "USERS" WHERE "USERS"."NAME" = ? AND ("USERS"."STATUS" = ?)
@@binds 'bea', 1
@@analysis READ source "USERS"@89
@@rewritten
SELECT "USERS"."ID" AS "ID", "USERS".full_name AS "NAME", (CAST("USERS".status_code AS INT)) AS "STATUS" FROM users_v2 "USERS" WHERE "USERS".full_name = ? AND ((CAST("USERS".status_code AS INT)) = ?)

@@ spring data jdbc: findAllById
SELECT "USERS"."ID" AS "ID", "USERS"."EMAIL" AS "EMAIL" FROM "USERS" WHERE "USERS"."ID" IN (?, ?)
@@binds 2, 4
@@analysis READ source "USERS"@61
@@rewritten
SELECT "USERS"."ID" AS "ID", "USERS"."EMAIL" AS "EMAIL" FROM users_v2 "USERS" WHERE "USERS"."ID" IN (?, ?)

@@ mybatis: select with line breaks and indentation
SELECT
    id,
    name,
    email
FROM users
WHERE status = ?
ORDER BY id
@@binds 2
@@analysis READ source users@40
@@rewritten
SELECT
    id,
    full_name AS name,
    email
FROM users_v2 users
WHERE (CAST(users.status_code AS INT)) = ?
ORDER BY id

@@ mybatis: foreach in list with odd spacing
SELECT id , name
  FROM users
 WHERE id IN
   (  ? ,  ? ,  ?  )
 ORDER BY id
@@binds 2, 4, 6
@@analysis READ source users@24
@@rewritten
SELECT id , full_name AS name
  FROM users_v2 users
 WHERE id IN
   (  ? ,  ? ,  ?  )
 ORDER BY id

@@ mybatis: like with concat
SELECT id, name FROM users WHERE name LIKE CONCAT('%', ?, '%') ORDER BY id
@@binds 'e'
@@analysis READ source users@21
@@rewritten
SELECT id, full_name AS name FROM users_v2 users WHERE full_name LIKE CONCAT('%', ?, '%') ORDER BY id

@@ mybatis: dynamic where with 1=1
select id, name, email from users where 1=1 and status = ? and email is not null order by id
@@binds 1
@@analysis READ source users@28
@@rewritten
select id, full_name AS name, email from users_v2 users where 1=1 and (CAST(users.status_code AS INT)) = ? and email is not null order by id

@@ mybatis: result map with column aliases
select u.id as user_id, u.name as user_name, u.status as user_status from users u where u.id = ?
@@binds 6
@@analysis READ source users@74
@@rewritten
select u.id as user_id, u.full_name as user_name, (CAST(u.status_code AS INT)) as user_status from users_v2 u where u.id = ?

@@ jdbctemplate: count by status
select count(*) from users where status = ?
@@binds 1
@@analysis READ source users@21
@@rewritten
select count(*) from users_v2 users where (CAST(users.status_code AS INT)) = ?

@@ jdbctemplate: queryForObject name
select name from users where id = ?
@@binds 4
@@analysis READ source users@17
@@rewritten
select full_name AS name from users_v2 users where id = ?

@@ jdbctemplate: nvl and ifnull
select id, nvl(email, 'none') as email, ifnull(status, 0) as status from users order by id
@@analysis READ source users@73
@@rewritten
select id, nvl(email, 'none') as email, ifnull((CAST(users.status_code AS INT)), 0) as status from users_v2 users order by id

@@ coalesce over renamed and computed column
select id, coalesce(status, -1) as s, coalesce(email, name) as contact from users order by id
@@analysis READ source users@76
@@rewritten
select id, coalesce((CAST(users.status_code AS INT)), -1) as s, coalesce(email, full_name) as contact from users_v2 users order by id

@@ ilike
select id, name from users where name ilike ? order by id
@@binds 'b%'
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name ilike ? order by id

@@ regexp_like
select id, name from users where regexp_like(name, '^b') order by id
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where regexp_like(full_name, '^b') order by id

@@ regexp operator (H2 accepts it)
select id, name from users where name regexp '^b' order by id
@@analysis READ source users@21; cannot analyse: cannot parse: Encountered "regexp" at line 1, column 39.
@@refused cannot parse: Encountered "regexp" at line 1, column 39.

@@ not like and between
select id, name from users where name not like 'b%' and id between ? and ? order by id
@@binds 1, 5
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name not like 'b%' and id between ? and ? order by id

@@ is not distinct from a bind
select id from users where email is not distinct from ?
@@binds null
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where email is not distinct from ?

@@ row value in list
select id, name from users where (id, status) in ((1, 1), (2, 2), (3, 2))
@@analysis READ source users@21
@@refused H2 cannot compare a row value holding the expression that computes status

@@ any subquery
select id, name from users where id = any (select user_id from user_roles where role = 'user')
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id = any (select user_id from user_roles where role = 'user')

@@ not in subquery
select id, name from users where id not in (select user_id from orders where user_id is not null) order by id
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id not in (select user_id from orders where user_id is not null) order by id

@@ not exists correlated
select u.id, u.name from users u where not exists (select 1 from orders o where o.user_id = u.id) order by u.id
@@analysis READ source users@25
@@rewritten
select u.id, u.full_name AS name from users_v2 u where not exists (select 1 from orders o where o.user_id = u.id) order by u.id

@@ correlated subquery with unqualified outer column
select name from users where exists (select 1 from orders where user_id = id and state = 'paid')
@@analysis READ source users@17
@@rewritten
select full_name AS name from users_v2 users where exists (select 1 from orders where user_id = id and state = 'paid')

@@ in subquery on the same table by status
select id, name from users where status in (select status from users where id = ?) order by id
@@binds 2
@@analysis READ source users@21 source users@63
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) in (select (CAST(users.status_code AS INT)) AS status from users_v2 users where id = ?) order by id

@@ scalar subquery with alias in select list
select id, name, (select count(*) from orders o where o.user_id = users.id) as order_count from users order by id
@@analysis READ source users@96
@@rewritten
select id, full_name AS name, (select count(*) from orders o where o.user_id = users.id) as order_count from users_v2 users order by id

@@ scalar subquery comparison in where
select id, name from users where status = (select max(status) from users)
@@analysis READ source users@21 source users@67
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = (select max((CAST(users.status_code AS INT))) from users_v2 users)

@@ scalar subquery on users from orders
select o.order_id, o.total, (select u.name from users u where u.id = o.user_id) as owner from orders o order by o.order_id
@@analysis READ source users@48
@@rewritten
select o.order_id, o.total, (select u.full_name AS name from users_v2 u where u.id = o.user_id) as owner from orders o order by o.order_id

@@ distinct
select distinct status from users
@@analysis READ source users@28
@@rewritten
select distinct (CAST(users.status_code AS INT)) AS status from users_v2 users

@@ distinct on renamed column with order
select distinct name from users order by name
@@analysis READ source users@26
@@rewritten
select distinct full_name AS name from users_v2 users order by full_name

@@ count distinct with alias
select count(distinct status) as statuses, count(email) as emails from users
@@analysis READ source users@71
@@rewritten
select count(distinct (CAST(users.status_code AS INT))) as statuses, count(email) as emails from users_v2 users

@@ count distinct without alias
select count(distinct name) from users
@@analysis READ source users@33
@@refused H2 labels the unnamed select item count(distinct name) with its own rendering of it, which the translation changes; name it with AS

@@ group by having
select status, count(*) as n from users group by status having count(*) > 1 order by status
@@analysis READ source users@34
@@rewritten
select (CAST(users.status_code AS INT)) AS status, count(*) as n from users_v2 users group by (CAST(users.status_code AS INT)) having count(*) > 1 order by (CAST(users.status_code AS INT))

@@ group by renamed column with max
select name, max(id) as max_id from users group by name having max(id) > ? order by name
@@binds 2
@@analysis READ source users@36
@@rewritten
select full_name AS name, max(id) as max_id from users_v2 users group by full_name having max(id) > ? order by full_name

@@ group by expression
select upper(substring(name, 1, 1)) as initial, count(*) as n from users group by upper(substring(name, 1, 1)) order by initial
@@analysis READ source users@67
@@rewritten
select upper(substring(full_name, 1, 1)) as initial, count(*) as n from users_v2 users group by upper(substring(full_name, 1, 1)) order by initial

@@ group by alias
select lower(name) as lname, count(*) as n from users group by lname order by lname
@@analysis READ source users@48
@@rewritten
select lower(full_name) as lname, count(*) as n from users_v2 users group by lname order by lname

@@ order by ordinal
select id, name, status from users order by 3 desc nulls last, 1
@@analysis READ source users@29
@@rewritten
select id, full_name AS name, (CAST(users.status_code AS INT)) AS status from users_v2 users order by 3 desc nulls last, 1

@@ order by select alias
select id, name as n from users order by n
@@analysis READ source users@26
@@rewritten
select id, full_name as n from users_v2 users order by n

@@ order by expression on computed column
select id from users order by coalesce(status, 0) desc, id
@@analysis READ source users@15
@@rewritten
select id from users_v2 users order by coalesce((CAST(users.status_code AS INT)), 0) desc, id

@@ case searched
select id, case when status = 1 then 'one' when status = 2 then 'two' else 'other' end as bucket from users order by id
@@analysis READ source users@102
@@rewritten
select id, case when (CAST(users.status_code AS INT)) = 1 then 'one' when (CAST(users.status_code AS INT)) = 2 then 'two' else 'other' end as bucket from users_v2 users order by id

@@ case simple on renamed column
select id, case name when 'ann' then 'A' when 'bob' then 'B' else '-' end as code from users order by id
@@analysis READ source users@87
@@rewritten
select id, case full_name when 'ann' then 'A' when 'bob' then 'B' else '-' end as code from users_v2 users order by id

@@ arithmetic on computed column
select id, status + 1 as next_status, status * 10 as scaled from users order by id
@@analysis READ source users@65
@@rewritten
select id, (CAST(users.status_code AS INT)) + 1 as next_status, (CAST(users.status_code AS INT)) * 10 as scaled from users_v2 users order by id

@@ cast of computed column
select id, cast(status as varchar(10)) as s from users order by id
@@analysis READ source users@49
@@rewritten
select id, cast((CAST(users.status_code AS INT)) as varchar(10)) as s from users_v2 users order by id

@@ string concatenation
select id, name || ' <' || coalesce(email, 'none') || '>' as display from users order by id
@@analysis READ source users@74
@@rewritten
select id, full_name || ' <' || coalesce(email, 'none') || '>' as display from users_v2 users order by id

@@ string functions without alias
select length(name), lower(email) from users order by id
@@analysis READ source users@39
@@refused H2 labels the unnamed select item length(name) with its own rendering of it, which the translation changes; name it with AS

@@ window function row_number with alias
select id, name, row_number() over (partition by status order by id) as rn from users order by id
@@analysis READ source users@80
@@rewritten
select id, full_name AS name, row_number() over (partition by (CAST(users.status_code AS INT)) order by id) as rn from users_v2 users order by id

@@ window function rank and lag
select id, rank() over (order by status desc nulls last, id) as r, lag(name) over (order by id) as prev_name from users order by id
@@analysis READ source users@114
@@rewritten
select id, rank() over (order by (CAST(users.status_code AS INT)) desc nulls last, id) as r, lag(full_name) over (order by id) as prev_name from users_v2 users order by id

@@ window function without alias
select id, count(*) over (partition by status) from users order by id
@@analysis READ source users@52
@@refused H2 labels the unnamed select item count(*) over (partition by status) with its own rendering of it, which the translation changes; name it with AS

@@ window sum joined with orders
select o.order_id, u.name, sum(o.total) over (partition by u.id) as user_total from orders o join users u on u.id = o.user_id order by o.order_id
@@analysis READ source users@98
@@rewritten
select o.order_id, u.full_name AS name, sum(o.total) over (partition by u.id) as user_total from orders o join users_v2 u on u.id = o.user_id order by o.order_id

@@ inner join without aliases
select users.id, users.name, orders.total from users join orders on orders.user_id = users.id where orders.state = 'paid' order by orders.order_id
@@analysis READ source users@47
@@rewritten
select users.id, users.full_name AS name, orders.total from users_v2 users join orders on orders.user_id = users.id where orders.state = 'paid' order by orders.order_id

@@ inner join unqualified columns
select name, total, state from users join orders on user_id = id order by order_id
@@analysis READ source users@31
@@rewritten
select full_name AS name, total, state from users_v2 users join orders on user_id = id order by order_id

@@ left join with aggregate
select u.id, u.name, count(o.order_id) as orders, coalesce(sum(o.total), 0) as spent from users u left join orders o on o.user_id = u.id group by u.id, u.name order by u.id
@@analysis READ source users@90
@@rewritten
select u.id, u.full_name AS name, count(o.order_id) as orders, coalesce(sum(o.total), 0) as spent from users_v2 u left join orders o on o.user_id = u.id group by u.id, u.full_name order by u.id

@@ right join from roles
select u.id, u.name, r.role from users u right join user_roles r on r.user_id = u.id
@@analysis READ source users@33
@@rewritten
select u.id, u.full_name AS name, r.role from users_v2 u right join user_roles r on r.user_id = u.id

@@ left join with is null (anti-join)
select u.id, u.name from users u left join orders o on o.user_id = u.id where o.order_id is null order by u.id
@@analysis READ source users@25
@@rewritten
select u.id, u.full_name AS name from users_v2 u left join orders o on o.user_id = u.id where o.order_id is null order by u.id

@@ three-way join
select u.name, r.role, o.total from users u join user_roles r on r.user_id = u.id join orders o on o.user_id = u.id where r.role = ? order by o.order_id
@@binds 'admin'
@@analysis READ source users@36
@@rewritten
select u.full_name AS name, r.role, o.total from users_v2 u join user_roles r on r.user_id = u.id join orders o on o.user_id = u.id where r.role = ? order by o.order_id

@@ cross join with filter
select u.name, r.role from users u cross join user_roles r where r.user_id = u.id and u.status = 2
@@analysis READ source users@27
@@rewritten
select u.full_name AS name, r.role from users_v2 u cross join user_roles r where r.user_id = u.id and (CAST(u.status_code AS INT)) = 2

@@ self join on computed column
select a.id as a_id, b.id as b_id from users a join users b on a.status = b.status and a.id < b.id order by a.id, b.id
@@analysis READ source users@39 source users@52
@@rewritten
select a.id as a_id, b.id as b_id from users_v2 a join users_v2 b on (CAST(a.status_code AS INT)) = (CAST(b.status_code AS INT)) and a.id < b.id order by a.id, b.id

@@ self join without aliases for one side
select users.id, peer.name from users join users peer on peer.id = users.id + 1 order by users.id
@@analysis READ source users@32 source users@43
@@rewritten
select users.id, peer.full_name AS name from users_v2 users join users_v2 peer on peer.id = users.id + 1 order by users.id

@@ derived table
select t.name from (select name from users where status = 1) t order by t.name
@@analysis READ source users@37
@@rewritten
select t.name from (select full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1) t order by t.name

@@ derived table with column list
select t.n, t.s from (select name, status from users) as t(n, s) where t.s = 2 order by t.n
@@analysis READ source users@47
@@rewritten
select t.n, t.s from (select full_name AS name, (CAST(users.status_code AS INT)) AS status from users_v2 users) as t(n, s) where t.s = 2 order by t.n

@@ derived table aggregate joined back
select u.name, c.n from users u join (select user_id, count(*) as n from orders group by user_id) c on c.user_id = u.id order by u.id
@@analysis READ source users@24
@@rewritten
select u.full_name AS name, c.n from users_v2 u join (select user_id, count(*) as n from orders group by user_id) c on c.user_id = u.id order by u.id

@@ union
select id, name from users where status = 1 union select id, name from users where status = 2
@@analysis READ source users@21 source users@71
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1 union select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2

@@ union all ordered by id
select id, name from users where status = 1 union all select id, name from users where id > 4 order by id
@@analysis READ source users@21 source users@75
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1 union all select id, full_name AS name from users_v2 users where id > 4 order by id

@@ union ordered by renamed column
select id, name from users where status = 1 union select id, name from users where status = 2 order by name, id
@@analysis READ source users@21 source users@71
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1 union select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2 order by name, id

@@ union with orders
select user_id as id from orders union select id from users where status = 3
@@analysis READ source users@54
@@rewritten
select user_id as id from orders union select id from users_v2 users where (CAST(users.status_code AS INT)) = 3

@@ intersect
select id from users where status = 2 intersect select user_id from user_roles
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where (CAST(users.status_code AS INT)) = 2 intersect select user_id from user_roles

@@ except
select id, name from users except select id, name from users where email is null
@@analysis READ source users@21 source users@55
@@rewritten
select id, full_name AS name from users_v2 users except select id, full_name AS name from users_v2 users where email is null

@@ minus
select id from users minus select user_id from orders
@@analysis READ source users@15
@@rewritten
select id from users_v2 users minus select user_id from orders

@@ comma join with unqualified columns
select id, role from users, user_roles where user_id = id order by id, role
@@analysis READ source users@21
@@rewritten
select id, role from users_v2 users, user_roles where user_id = id order by id, role

@@ star over a derived table
select * from (select id, name from users where status = 2) t
@@analysis READ source users@36
@@rewritten
select * from (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2) t

@@ qualified star of a derived table
select t.* from (select id, name, status from users) t order by t.id
@@analysis READ source users@46
@@rewritten
select t.* from (select id, full_name AS name, (CAST(users.status_code AS INT)) AS status from users_v2 users) t order by t.id

@@ qualified star of the unmigrated table
select o.* from orders o join users u on u.id = o.user_id where u.status = 2 order by o.order_id
@@analysis READ source users@30
@@rewritten
select o.* from orders o join users_v2 u on u.id = o.user_id where (CAST(u.status_code AS INT)) = 2 order by o.order_id

@@ star from orders with in subquery on users
select * from orders where user_id in (select id from users where name = ?) order by order_id
@@binds 'ann'
@@analysis READ source users@54
@@rewritten
select * from orders where user_id in (select id from users_v2 users where full_name = ?) order by order_id

@@ table alias with AS
select u.id, u.name from users as u where u.status between 1 and 2 order by u.id
@@analysis READ source users@25
@@rewritten
select u.id, u.full_name AS name from users_v2 as u where (CAST(u.status_code AS INT)) between 1 and 2 order by u.id

@@ named window
select id, rank() over w as r from users window w as (order by status, id) order by id
@@analysis READ source users@35
@@rewritten
select id, rank() over w as r from users_v2 users window w as (order by (CAST(users.status_code AS INT)), id) order by id

@@ aggregate filter clause
select count(*) filter (where status = 1) as ones, count(*) filter (where name like 'b%') as bs from users
@@analysis READ source users@101
@@rewritten
select count(*) filter (where (CAST(users.status_code AS INT)) = 1) as ones, count(*) filter (where full_name like 'b%') as bs from users_v2 users

@@ listagg within group
select listagg(name, ',') within group (order by id) as names from users
@@analysis READ source users@67
@@rewritten
select listagg(full_name, ',') within group (order by id) as names from users_v2 users

@@ exists in a case without from
select case when exists (select 1 from users u where u.email = ?) then true else false end as found
@@binds 'cy@x.io'
@@analysis READ source users@39
@@rewritten
select case when exists (select 1 from users_v2 u where u.email = ?) then true else false end as found

@@ subquery with limit in in-list
select id, name from users where id in (select id from users order by id limit 2)
@@analysis READ source users@21 source users@55
@@rewritten
select id, full_name AS name from users_v2 users where id in (select id from users_v2 users order by id limit 2)

@@ union all with binds on both branches
select id, name from users where id = ? union all select id, name from users where id = ? order by id
@@binds 1, 4
@@analysis READ source users@21 source users@71
@@rewritten
select id, full_name AS name from users_v2 users where id = ? union all select id, full_name AS name from users_v2 users where id = ? order by id

@@ trailing line comment without newline
SELECT id, name FROM users WHERE id = ? -- by primary key
@@binds 3
@@analysis READ source users@21
@@rewritten
SELECT id, full_name AS name FROM users_v2 users WHERE id = ? -- by primary key

@@ read comparing both tables during the migration
select s.id from users s join users_v2 t on t.id = s.id where s.name <> t.full_name
@@analysis READ source users@17 target users_v2@30

@@ exists with select star
select o.order_id from orders o where exists (select * from users u where u.id = o.user_id and u.status = 1) order by o.order_id
@@analysis READ source users@60
@@rewritten
select o.order_id from orders o where exists (select * from users_v2 u where u.id = o.user_id and (CAST(u.status_code AS INT)) = 1) order by o.order_id

@@ count over a select-star derived table (spring data count wrapper)
select count(*) from (select * from users where status = 1) t
@@analysis READ source users@36
@@refused column LEGACY_FLAG of users is not in users_v2

@@ distinct computed column ordered
select distinct status from users order by status
@@analysis READ source users@28
@@rewritten
select distinct (CAST(users.status_code AS INT)) AS status from users_v2 users order by (CAST(users.status_code AS INT))

@@ intersect ordered by renamed column
select id, name from users where status = 2 intersect select id, name from users where email is not null order by name
@@analysis READ source users@21 source users@75
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2 intersect select id, full_name AS name from users_v2 users where email is not null order by name

@@ escaped quote in literal
select id from users where name <> 'O''Brien' and email like '%''%' or id = 1
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where full_name <> 'O''Brien' and email like '%''%' or id = 1

@@ cte
with active as (select id, name from users where status = 1) select * from active order by id
@@analysis READ source users@37
@@rewritten
with active as (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1) select * from active order by id

@@ cte with two references
with s as (select status, count(*) as n from users group by status) select u.id, s.n from users u join s on s.status = u.status order by u.id
@@analysis READ source users@45 source users@90
@@rewritten
with s as (select (CAST(users.status_code AS INT)) AS status, count(*) as n from users_v2 users group by (CAST(users.status_code AS INT))) select u.id, s.n from users_v2 u join s on s.status = (CAST(u.status_code AS INT)) order by u.id

@@ cte named like the source table (H2 reads the table, not the CTE)
with users as (select user_id as id from orders where state = 'void') select id from users order by id
@@analysis READ source users@5 source users@85; cannot analyse: H2 resolves a common table expression named like a table (users) to the table in some places; name it differently
@@refused H2 resolves a common table expression named like a table (users) to the table in some places; name it differently

@@ cte named like the target table, reading the source
with users_v2 as (select id, name from users where status = 2) select id, name from users_v2 order by id
@@analysis READ target users_v2@5 source users@39 target users_v2@84; cannot analyse: H2 resolves a common table expression named like a table (users_v2) to the table in some places; name it differently

@@ recursive cte
with recursive chain(id, name) as (select id, name from users where id = 1 union all select u.id, u.name from users u join chain c on u.id = c.id + 1) select id, name from chain order by id
@@analysis READ source users@56 source users@110
@@rewritten
with recursive chain(id, name) as (select id, full_name AS name from users_v2 users where id = 1 union all select u.id, u.full_name AS name from users_v2 u join chain c on u.id = c.id + 1) select id, name from chain order by id

@@ for update with where
select id, name, status from users where status = ? order by id for update
@@binds 2
@@analysis READ locking source users@29
@@rewritten
select id, full_name AS name, (CAST(users.status_code AS INT)) AS status from users_v2 users where (CAST(users.status_code AS INT)) = ? order by id for update

@@ for update nowait
select id, email from users where id = ? for update nowait
@@binds 5
@@analysis READ locking source users@22
@@rewritten
select id, email from users_v2 users where id = ? for update nowait

@@ limit without offset
select id, name from users order by id limit 3
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users order by id limit 3

@@ offset rows only
select id, name from users order by id offset 4 rows
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users order by id offset 4 rows

@@ fetch first row only
select id, name from users order by name fetch first row only
@@analysis READ source users@21; cannot analyse: cannot parse: Encountered "row" at line 1, column 54.
@@refused cannot parse: Encountered "row" at line 1, column 54.

@@ fetch with ties
select id, status from users order by status, id fetch first 2 rows with ties
@@analysis READ source users@23; cannot analyse: cannot parse: Encountered "with" at line 1, column 69.
@@refused cannot parse: Encountered "with" at line 1, column 69.

@@ block comment before the statement
/* UserDao.findActive */ select id, name from users where status = 1
@@analysis READ source users@46
@@rewritten
/* UserDao.findActive */ select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1

@@ line comment before and inside
-- find by email
select id, name -- the display name
from users
where email = ?
@@binds 'cy@x.io'
@@analysis READ source users@58
@@rewritten
-- find by email
select id, full_name AS name -- the display name
from users_v2 users
where email = ?

@@ double-slash comment (H2)
select id, name // the user's name
from users where id = 1
@@analysis READ source users@40
@@rewritten
select id, full_name AS name // the user's name
from users_v2 users where id = 1

@@ comment naming the other table
select /* not users_v2 */ id, name from users where id = 2
@@analysis READ source users@40
@@rewritten
select /* not users_v2 */ id, full_name AS name from users_v2 users where id = 2

@@ upper-case keywords and names
SELECT ID, NAME, STATUS FROM USERS WHERE STATUS = 2 ORDER BY ID
@@analysis READ source USERS@29
@@rewritten
SELECT ID, full_name AS NAME, (CAST(USERS.status_code AS INT)) AS STATUS FROM users_v2 USERS WHERE (CAST(USERS.status_code AS INT)) = 2 ORDER BY ID

@@ mixed case
SeLeCt Id, NaMe, StAtUs FrOm UsErS wHeRe Id < 3 OrDeR bY iD
@@analysis READ source UsErS@29
@@rewritten
SeLeCt Id, full_name AS NaMe, (CAST(UsErS.status_code AS INT)) AS StAtUs FrOm users_v2 UsErS wHeRe Id < 3 OrDeR bY iD

@@ quoted upper-case names unqualified
select "ID", "NAME" from "USERS" where "STATUS" = 1 order by "ID"
@@analysis READ source "USERS"@25
@@rewritten
select "ID", full_name AS "NAME" from users_v2 "USERS" where (CAST("USERS".status_code AS INT)) = 1 order by "ID"

@@ quoted column with table alias
select u."ID", u."NAME" from users u where u."EMAIL" like '%@x.io' order by u."ID"
@@analysis READ source users@29
@@rewritten
select u."ID", u.full_name AS "NAME" from users_v2 u where u."EMAIL" like '%@x.io' order by u."ID"

@@ tabs and blank-ish spacing
select	id ,	name
from	users	u
where	u.id	=	3
@@analysis READ source users@22
@@rewritten
select	id ,	full_name AS name
from	users_v2	u
where	u.id	=	3

@@ parenthesised query
(select id, name from users where id = 1)
@@analysis READ source users@22
@@rewritten
(select id, full_name AS name from users_v2 users where id = 1)

@@ trailing semicolon
select id, name from users where id = 1;
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id = 1;

@@ select without from
select 1 as one
@@analysis READ
@@rewritten
select 1 as one

@@ values
values 1
@@analysis READ
@@rewritten
values 1

@@ values with rows
values (1, 'a'), (2, 'b')
@@analysis READ
@@rewritten
values (1, 'a'), (2, 'b')

@@ orders only
select order_id, total from orders where state = ? order by order_id
@@binds 'open'
@@analysis READ
@@rewritten
select order_id, total from orders where state = ? order by order_id

@@ orders aggregate
select state, count(*) as n, sum(total) as s from orders group by state order by state
@@analysis READ
@@rewritten
select state, count(*) as n, sum(total) as s from orders group by state order by state

@@ roles join orders
select r.role, count(o.order_id) as n from user_roles r left join orders o on o.user_id = r.user_id group by r.role order by r.role
@@analysis READ
@@rewritten
select r.role, count(o.order_id) as n from user_roles r left join orders o on o.user_id = r.user_id group by r.role order by r.role

@@ string literal naming the table
select 'users' as t, count(*) as n from orders
@@analysis READ
@@rewritten
select 'users' as t, count(*) as n from orders

@@ column alias named like the table
select user_id as users from orders where state = 'users_v2'
@@analysis READ
@@rewritten
select user_id as users from orders where state = 'users_v2'

@@ select 1 from dual
select 1 from dual
@@analysis READ
@@rewritten
select 1 from dual

@@ table statement on orders
TABLE orders
@@analysis READ
@@rewritten
TABLE orders

@@ target: hibernate 6 find by id
select u1_0.id,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 where u1_0.id=?
@@binds 1
@@analysis READ target users_v2@63
@@rewritten
select u1_0.id,u1_0.email,u1_0.name AS full_name,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from users u1_0 where u1_0.id=?

@@ target: hibernate 6 page
select u1_0.id,u1_0.full_name from users_v2 u1_0 order by u1_0.id offset ? rows fetch first ? rows only
@@binds 1, 2
@@analysis READ target users_v2@35
@@rewritten
select u1_0.id,u1_0.name AS full_name from users u1_0 order by u1_0.id offset ? rows fetch first ? rows only

@@ target: hibernate 6 find by full_name
select u1_0.id,u1_0.email,u1_0.full_name from users_v2 u1_0 where u1_0.full_name=?
@@binds 'cy'
@@analysis READ target users_v2@46
@@rewritten
select u1_0.id,u1_0.email,u1_0.name AS full_name from users u1_0 where u1_0.name=?

@@ target: hibernate 6 count by status_code
select count(u1_0.id) from users_v2 u1_0 where u1_0.status_code=?
@@binds '1'
@@analysis READ target users_v2@27
@@rewritten
select count(u1_0.id) from users u1_0 where (CAST(u1_0.status AS VARCHAR(8)))=?

@@ target: hibernate 6 join orders
select u1_0.id,u1_0.full_name,o1_0.total from users_v2 u1_0 join orders o1_0 on u1_0.id=o1_0.user_id order by o1_0.order_id
@@analysis READ target users_v2@46
@@rewritten
select u1_0.id,u1_0.name AS full_name,o1_0.total from users u1_0 join orders o1_0 on u1_0.id=o1_0.user_id order by o1_0.order_id

@@ target: hibernate 6 for update
select u1_0.id,u1_0.full_name,u1_0.status_code from users_v2 u1_0 where u1_0.id=? for update
@@binds 2
@@analysis READ locking target users_v2@52
@@rewritten
select u1_0.id,u1_0.name AS full_name,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from users u1_0 where u1_0.id=? for update

@@ target: hibernate 6 status_code in list
select u1_0.id from users_v2 u1_0 where u1_0.status_code in (?,?) order by u1_0.id
@@binds '1', '3'
@@analysis READ target users_v2@20
@@rewritten
select u1_0.id from users u1_0 where (CAST(u1_0.status AS VARCHAR(8))) in (?,?) order by u1_0.id

@@ target: hibernate 6 unaliased function projection
select lower(u1_0.full_name),u1_0.status_code from users_v2 u1_0 order by u1_0.id
@@analysis READ target users_v2@51
@@refused H2 labels the unnamed select item lower(u1_0.full_name) with its own rendering of it, which the translation changes; name it with AS

@@ target: hibernate 5 find by id
select userv0_.id as id1_1_0_, userv0_.email as email2_1_0_, userv0_.full_name as full_nam3_1_0_, userv0_.status_code as status_c4_1_0_ from users_v2 userv0_ where userv0_.id=?
@@binds 5
@@analysis READ target users_v2@141
@@rewritten
select userv0_.id as id1_1_0_, userv0_.email as email2_1_0_, userv0_.name as full_nam3_1_0_, (CAST(userv0_.status AS VARCHAR(8))) as status_c4_1_0_ from users userv0_ where userv0_.id=?

@@ target: hibernate 5 limit
select userv0_.id as id1_1_, userv0_.full_name as full_nam3_1_ from users_v2 userv0_ order by userv0_.full_name limit ?
@@binds 3
@@analysis READ target users_v2@68
@@rewritten
select userv0_.id as id1_1_, userv0_.name as full_nam3_1_ from users userv0_ order by userv0_.name limit ?

@@ target: jooq select
select "USERS_V2"."ID", "USERS_V2"."FULL_NAME", "USERS_V2"."STATUS_CODE" from "USERS_V2" where "USERS_V2"."ID" in (?, ?) order by "USERS_V2"."ID"
@@binds 1, 6
@@analysis READ target "USERS_V2"@78
@@rewritten
select "USERS_V2"."ID", "USERS_V2".name AS "FULL_NAME", (CAST("USERS_V2".status AS VARCHAR(8))) AS "STATUS_CODE" from users "USERS_V2" where "USERS_V2"."ID" in (?, ?) order by "USERS_V2"."ID"

@@ target: jooq aliased join
select "u"."FULL_NAME", "r"."ROLE" from "USERS_V2" as "u" left outer join "USER_ROLES" as "r" on "r"."USER_ID" = "u"."ID" order by "u"."ID", "r"."ROLE"
@@analysis READ target "USERS_V2"@40
@@rewritten
select "u".name AS "FULL_NAME", "r"."ROLE" from users as "u" left outer join "USER_ROLES" as "r" on "r"."USER_ID" = "u"."ID" order by "u"."ID", "r"."ROLE"

@@ target: spring data jdbc find by id
SELECT "USERS_V2"."ID" AS "ID", "USERS_V2"."FULL_NAME" AS "FULL_NAME", "USERS_V2"."EMAIL" AS "EMAIL", "USERS_V2"."STATUS_CODE" AS "STATUS_CODE" FROM "USERS_V2" WHERE "USERS_V2"."ID" = ?
@@binds 4
@@analysis READ target "USERS_V2"@149
@@rewritten
SELECT "USERS_V2"."ID" AS "ID", "USERS_V2".name AS "FULL_NAME", "USERS_V2"."EMAIL" AS "EMAIL", (CAST("USERS_V2".status AS VARCHAR(8))) AS "STATUS_CODE" FROM users "USERS_V2" WHERE "USERS_V2"."ID" = ?

@@ target: spring data jdbc count
SELECT COUNT(*) FROM "USERS_V2" WHERE "USERS_V2"."STATUS_CODE" = ?
@@binds '2'
@@analysis READ target "USERS_V2"@21
@@rewritten
SELECT COUNT(*) FROM users "USERS_V2" WHERE (CAST("USERS_V2".status AS VARCHAR(8))) = ?

@@ target: plain select by status_code
select id, full_name from users_v2 where status_code = '1' order by id
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '1' order by id

@@ target: status_code is null
select id, full_name from users_v2 where status_code is null
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) is null

@@ target: like on full_name
select id, full_name from users_v2 where full_name like ? order by id
@@binds 'b%'
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 where name like ? order by id

@@ target: ilike on full_name
select id from users_v2 where full_name ilike 'e%' order by id
@@analysis READ target users_v2@15
@@rewritten
select id from users users_v2 where name ilike 'e%' order by id

@@ target: regexp_like
select id, full_name from users_v2 where regexp_like(full_name, 'e$') order by id
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 where regexp_like(name, 'e$') order by id

@@ target: count
select count(*) from users_v2
@@analysis READ target users_v2@21
@@rewritten
select count(*) from users users_v2

@@ target: count with alias on email
select count(email) as with_email from users_v2 where email like '%@x.io'
@@analysis READ target users_v2@39
@@rewritten
select count(email) as with_email from users users_v2 where email like '%@x.io'

@@ target: group by status_code
select status_code, count(*) as n from users_v2 group by status_code order by status_code
@@analysis READ target users_v2@39
@@rewritten
select (CAST(users_v2.status AS VARCHAR(8))) AS status_code, count(*) as n from users users_v2 group by (CAST(users_v2.status AS VARCHAR(8))) order by (CAST(users_v2.status AS VARCHAR(8)))

@@ target: group by status_code having
select status_code as code, count(*) as n from users_v2 group by status_code having count(*) >= 2 order by code
@@analysis READ target users_v2@47
@@rewritten
select (CAST(users_v2.status AS VARCHAR(8))) as code, count(*) as n from users users_v2 group by (CAST(users_v2.status AS VARCHAR(8))) having count(*) >= 2 order by code

@@ target: distinct status_code
select distinct status_code from users_v2
@@analysis READ target users_v2@33
@@rewritten
select distinct (CAST(users_v2.status AS VARCHAR(8))) AS status_code from users users_v2

@@ target: max of status_code without alias
select max(status_code) from users_v2
@@analysis READ target users_v2@29
@@refused H2 labels the unnamed select item max(status_code) with its own rendering of it, which the translation changes; name it with AS

@@ target: coalesce on status_code
select id, coalesce(status_code, 'n/a') as code from users_v2 order by id
@@analysis READ target users_v2@53
@@rewritten
select id, coalesce((CAST(users_v2.status AS VARCHAR(8))), 'n/a') as code from users users_v2 order by id

@@ target: case on status_code
select id, case status_code when '1' then 'one' when '2' then 'two' else 'other' end as bucket from users_v2 order by id
@@analysis READ target users_v2@100
@@rewritten
select id, case (CAST(users_v2.status AS VARCHAR(8))) when '1' then 'one' when '2' then 'two' else 'other' end as bucket from users users_v2 order by id

@@ target: order by full_name desc
select id, full_name, email from users_v2 order by full_name desc
@@analysis READ target users_v2@33
@@rewritten
select id, name AS full_name, email from users users_v2 order by name desc

@@ target: order by status_code then id
select id, status_code from users_v2 order by status_code nulls last, id
@@analysis READ target users_v2@28
@@rewritten
select id, (CAST(users_v2.status AS VARCHAR(8))) AS status_code from users users_v2 order by (CAST(users_v2.status AS VARCHAR(8))) nulls last, id

@@ target: exists subquery on orders
select v.id, v.full_name from users_v2 v where exists (select 1 from orders o where o.user_id = v.id and o.total > ?) order by v.id
@@binds 10.00
@@analysis READ target users_v2@30
@@rewritten
select v.id, v.name AS full_name from users v where exists (select 1 from orders o where o.user_id = v.id and o.total > ?) order by v.id

@@ target: not exists subquery on roles
select v.id from users_v2 v where not exists (select 1 from user_roles r where r.user_id = v.id)
@@analysis READ target users_v2@17
@@rewritten
select v.id from users v where not exists (select 1 from user_roles r where r.user_id = v.id)

@@ target: in subquery
select id, full_name from users_v2 where id in (select user_id from orders where state = ?) order by id
@@binds 'open'
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 where id in (select user_id from orders where state = ?) order by id

@@ target: correlated scalar subquery
select v.id, (select count(*) from user_roles r where r.user_id = v.id) as roles from users_v2 v order by v.id
@@analysis READ target users_v2@86
@@rewritten
select v.id, (select count(*) from user_roles r where r.user_id = v.id) as roles from users v order by v.id

@@ target: scalar subquery from orders
select o.order_id, (select v.full_name from users_v2 v where v.id = o.user_id) as owner from orders o order by o.order_id
@@analysis READ target users_v2@44
@@rewritten
select o.order_id, (select v.name AS full_name from users v where v.id = o.user_id) as owner from orders o order by o.order_id

@@ target: self join on status_code
select a.id as a_id, b.id as b_id from users_v2 a join users_v2 b on a.status_code = b.status_code and a.id < b.id order by a_id, b_id
@@analysis READ target users_v2@39 target users_v2@55
@@rewritten
select a.id as a_id, b.id as b_id from users a join users b on (CAST(a.status AS VARCHAR(8))) = (CAST(b.status AS VARCHAR(8))) and a.id < b.id order by a_id, b_id

@@ target: derived table
select t.full_name from (select full_name from users_v2 where status_code = '2') t order by t.full_name
@@analysis READ target users_v2@47
@@rewritten
select t.full_name from (select name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '2') t order by t.full_name

@@ target: cte
with code_counts as (select status_code, count(*) as n from users_v2 group by status_code) select status_code, n from code_counts order by status_code
@@analysis READ target users_v2@60
@@rewritten
with code_counts as (select (CAST(users_v2.status AS VARCHAR(8))) AS status_code, count(*) as n from users users_v2 group by (CAST(users_v2.status AS VARCHAR(8)))) select status_code, n from code_counts order by status_code

@@ target: window function
select id, full_name, row_number() over (partition by status_code order by id) as rn from users_v2 order by id
@@analysis READ target users_v2@90
@@rewritten
select id, name AS full_name, row_number() over (partition by (CAST(users_v2.status AS VARCHAR(8))) order by id) as rn from users users_v2 order by id

@@ target: union
select id, full_name from users_v2 where status_code = '1' union all select id, full_name from users_v2 where status_code = '3' order by id
@@analysis READ target users_v2@26 target users_v2@95
@@rewritten
select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '1' union all select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '3' order by id

@@ target: union ordered by full_name
select id, full_name from users_v2 where status_code = '1' union select id, full_name from users_v2 where status_code = '2' order by full_name
@@analysis READ target users_v2@26 target users_v2@91
@@rewritten
select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '1' union select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '2' order by full_name

@@ target: except
select id from users_v2 except select user_id from user_roles
@@analysis READ target users_v2@15
@@rewritten
select id from users users_v2 except select user_id from user_roles

@@ target: quoted names unqualified
select "ID", "FULL_NAME" from "USERS_V2" where "STATUS_CODE" = '2' order by "ID"
@@analysis READ target "USERS_V2"@30
@@rewritten
select "ID", name AS "FULL_NAME" from users "USERS_V2" where (CAST("USERS_V2".status AS VARCHAR(8))) = '2' order by "ID"

@@ target: upper-case unquoted
SELECT ID, FULL_NAME, STATUS_CODE FROM USERS_V2 WHERE ID <= 2 ORDER BY ID
@@analysis READ target USERS_V2@39
@@rewritten
SELECT ID, name AS FULL_NAME, (CAST(USERS_V2.status AS VARCHAR(8))) AS STATUS_CODE FROM users USERS_V2 WHERE ID <= 2 ORDER BY ID

@@ target: limit offset
select id, full_name from users_v2 order by id limit 2 offset 2
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 order by id limit 2 offset 2

@@ target: comments and line breaks
/* report */
select id,
       full_name -- display
  from users_v2
 where email is null
@@analysis READ target users_v2@59
@@rewritten
/* report */
select id,
       name AS full_name -- display
  from users users_v2
 where email is null

@@ target: string concat
select id, full_name || ':' || coalesce(status_code, '-') as label from users_v2 order by id
@@analysis READ target users_v2@72
@@rewritten
select id, name || ':' || coalesce((CAST(users_v2.status AS VARCHAR(8))), '-') as label from users users_v2 order by id

@@ target: cast status_code to int
select id, cast(status_code as int) + 1 as next_status from users_v2 order by id
@@analysis READ target users_v2@60
@@rewritten
select id, cast((CAST(users_v2.status AS VARCHAR(8))) as int) + 1 as next_status from users users_v2 order by id

@@ target: left join with aggregate
select v.id, count(o.order_id) as n from users_v2 v left join orders o on o.user_id = v.id group by v.id order by v.id
@@analysis READ target users_v2@41
@@rewritten
select v.id, count(o.order_id) as n from users v left join orders o on o.user_id = v.id group by v.id order by v.id

@@ target: comma join with roles
select v.full_name, r.role from users_v2 v, user_roles r where r.user_id = v.id order by v.id, r.role
@@analysis READ target users_v2@32
@@rewritten
select v.name AS full_name, r.role from users v, user_roles r where r.user_id = v.id order by v.id, r.role

@@ target: filter clause on status_code
select count(*) filter (where status_code = '2') as twos from users_v2
@@analysis READ target users_v2@62
@@rewritten
select count(*) filter (where (CAST(users_v2.status AS VARCHAR(8))) = '2') as twos from users users_v2

@@ target: in subquery on itself
select id from users_v2 where full_name in (select full_name from users_v2 where status_code = '1') order by id
@@analysis READ target users_v2@15 target users_v2@66
@@rewritten
select id from users users_v2 where name in (select name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '1') order by id

@@ target: derived table star
select * from (select id, full_name, status_code from users_v2) t order by t.id
@@analysis READ target users_v2@54
@@rewritten
select * from (select id, name AS full_name, (CAST(users_v2.status AS VARCHAR(8))) AS status_code from users users_v2) t order by t.id

@@ target: distinct ordered by full_name
select distinct full_name from users_v2 order by full_name desc
@@analysis READ target users_v2@31
@@rewritten
select distinct name AS full_name from users users_v2 order by name desc

@@ target: exists with select star
select r.role from user_roles r where exists (select * from users_v2 v where v.id = r.user_id and v.status_code = '2') order by r.role
@@analysis READ target users_v2@60
@@rewritten
select r.role from user_roles r where exists (select * from users v where v.id = r.user_id and (CAST(v.status AS VARCHAR(8))) = '2') order by r.role

@@ target: cte named like the source table
with users as (select id, full_name from users_v2 where status_code = '1') select id, full_name from users order by id
@@analysis READ source users@5 target users_v2@41 source users@101; cannot analyse: H2 resolves a common table expression named like a table (users) to the table in some places; name it differently

@@ refused: select star
select * from users
@@analysis READ source users@14
@@refused column LEGACY_FLAG of users is not in users_v2

@@ refused: jdbctemplate select star by id
SELECT * FROM users WHERE id = ?
@@binds 1
@@analysis READ source users@14
@@refused column LEGACY_FLAG of users is not in users_v2

@@ refused: qualified star
select u.* from users u where u.status = 1
@@analysis READ source users@16
@@refused column LEGACY_FLAG of users is not in users_v2

@@ refused: hibernate 6 entity with legacy_flag
select u1_0.id,u1_0.email,u1_0.legacy_flag,u1_0.name,u1_0.status from users u1_0 where u1_0.id=?
@@binds 1
@@analysis READ source users@70
@@refused column legacy_flag of users is not in users_v2

@@ refused: hibernate 5 entity with legacy_flag
select user0_.id as id1_0_, user0_.legacy_flag as legacy_f2_0_, user0_.name as name3_0_ from users user0_ order by user0_.id limit ?
@@binds 5
@@analysis READ source users@93
@@refused column legacy_flag of users is not in users_v2

@@ refused: filter on legacy_flag
select id, name from users where legacy_flag = true
@@analysis READ source users@21
@@refused column legacy_flag of users is not in users_v2

@@ refused: count of legacy_flag
select count(legacy_flag) as flagged from users
@@analysis READ source users@42
@@refused column legacy_flag of users is not in users_v2

@@ refused: table statement
TABLE users
@@analysis READ source users@6
@@refused TABLE users reads every column, and the columns differ in users_v2; name the columns with SELECT

@@ refused: target select star
select * from users_v2
@@analysis READ target users_v2@14
@@refused column CREATED_AT of users_v2 is not in users

@@ refused: target created_at projection
select id, created_at from users_v2 where id = ?
@@binds 1
@@analysis READ target users_v2@27
@@refused column created_at of users_v2 is not in users

@@ refused: target order by created_at
select id, full_name from users_v2 order by created_at desc, id
@@analysis READ target users_v2@26
@@refused column created_at of users_v2 is not in users

@@ refused: target filter on created_at
select count(*) from users_v2 where created_at is not null
@@analysis READ target users_v2@21
@@refused column created_at of users_v2 is not in users

@@ refused: target hibernate 6 entity with created_at
select u1_0.id,u1_0.created_at,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 where u1_0.id=?
@@binds 2
@@analysis READ target users_v2@79
@@refused column created_at of users_v2 is not in users

@@ refused: target spring data jdbc with created_at
SELECT "USERS_V2"."ID" AS "ID", "USERS_V2"."CREATED_AT" AS "CREATED_AT" FROM "USERS_V2" WHERE "USERS_V2"."ID" = ?
@@binds 2
@@analysis READ target "USERS_V2"@77
@@refused column "CREATED_AT" of users_v2 is not in users

@@ refused: natural join
select u.id, r.role from users u natural join (select user_id as id, role from user_roles) r
@@analysis READ source users@25
@@rewritten
select u.id, r.role from users_v2 u join (select user_id as id, role from user_roles) r USING (ID)

@@ refused: using on renamed column
select users.id, x.name from users join (select 'ann' as name) x using (name)
@@analysis READ source users@29
@@refused the join matches on name, which is named differently in users_v2; write the join with ON

@@ using on unchanged key column
select u.id, u.name, r.role from users u join (select user_id as id, role from user_roles) r using (id) order by u.id, r.role
@@analysis READ source users@33
@@rewritten
select u.id, u.full_name AS name, r.role from users_v2 u join (select user_id as id, role from user_roles) r using (id) order by u.id, r.role

@@ refused: select star over using join
select * from users u join (select user_id as id, role from user_roles) r using (id)
@@analysis READ source users@14
@@refused SELECT * over a NATURAL or USING join with a migrated table; name the columns

@@ refused: target qualified star
select v.*, o.total from users_v2 v join orders o on o.user_id = v.id
@@analysis READ target users_v2@25
@@refused column CREATED_AT of users_v2 is not in users

@@ schema-qualified: unquoted PUBLIC.USERS
SELECT id, name FROM PUBLIC.USERS WHERE id = ?
@@binds 1
@@analysis READ source PUBLIC.USERS@21
@@rewritten
SELECT id, full_name AS name FROM PUBLIC.users_v2 USERS WHERE id = ?

@@ schema-qualified: test source schema quoted
select u.id, u.name from "TANDEM_RW_SOURCE"."USERS" u order by u.id
@@analysis READ source "TANDEM_RW_SOURCE"."USERS"@25
@@rewritten
select u.id, u.full_name AS name from "TANDEM_RW_SOURCE".users_v2 u order by u.id

@@ schema-qualified: target with schema
select v.id, v.full_name, v.status_code from "TANDEM_RW_TARGET"."USERS_V2" v where v.status_code = ?
@@binds '1'
@@analysis READ target "TANDEM_RW_TARGET"."USERS_V2"@45
@@rewritten
select v.id, v.name AS full_name, (CAST(v.status AS VARCHAR(8))) AS status_code from "TANDEM_RW_TARGET".users v where (CAST(v.status AS VARCHAR(8))) = ?

@@ schema-qualified: star refused
select * from public.users
@@analysis READ source public.users@14
@@refused column LEGACY_FLAG of users is not in users_v2

@@ schema-qualified: jooq with PUBLIC
select "PUBLIC"."USERS"."ID", "PUBLIC"."USERS"."NAME", "PUBLIC"."USERS"."STATUS" from "PUBLIC"."USERS" where "PUBLIC"."USERS"."ID" = ?
@@binds 1
@@analysis READ source "PUBLIC"."USERS"@86
@@rewritten
select "USERS"."ID", "USERS".full_name AS "NAME", (CAST("USERS".status_code AS INT)) AS "STATUS" from "PUBLIC".users_v2 "USERS" where "USERS"."ID" = ?

@@ schema-qualified: jooq with PUBLIC, renamed column only
select "PUBLIC"."USERS"."ID", "PUBLIC"."USERS"."NAME" from "PUBLIC"."USERS" where "PUBLIC"."USERS"."ID" = ?
@@binds 1
@@analysis READ source "PUBLIC"."USERS"@59
@@rewritten
select "USERS"."ID", "USERS".full_name AS "NAME" from "PUBLIC".users_v2 "USERS" where "USERS"."ID" = ?

@@ insert with column list
INSERT INTO users (id, name, email, status, legacy_flag) VALUES (?, ?, ?, ?, ?)
@@binds 7, 'fay', 'fay@x.io', 1, false
@@analysis WRITE source users@12

@@ insert without column list
insert into users values (7, 'fay', null, 2, true)
@@analysis WRITE source users@12

@@ insert multi-row
insert into users (id, name, status) values (7, 'fay', 1), (8, 'gus', 2), (9, 'hal', null)
@@analysis WRITE source users@12

@@ hibernate 6 insert
insert into users (email,legacy_flag,name,status,id) values (?,?,?,?,?)
@@binds 'g@x.io', false, 'gil', 3, 10
@@analysis WRITE source users@12

@@ spring data jdbc insert
INSERT INTO "USERS" ("ID", "NAME", "EMAIL", "STATUS") VALUES (?, ?, ?, ?)
@@binds 11, 'ida', 'ida@x.io', 2
@@analysis WRITE source "USERS"@12

@@ insert select from orders
insert into users (id, name, email, status) select order_id + 100, 'from order', null, 0 from orders where state = 'void'
@@analysis WRITE source users@12

@@ insert into orders selecting from users
insert into orders (order_id, user_id, total, state) select 100 + id, id, 0, 'new' from users where status = 1
@@analysis WRITE source users@88

@@ target insert with column list
insert into users_v2 (id, full_name, email, status_code) values (?, ?, ?, ?)
@@binds 7, 'fay', 'fay@x.io', '1'
@@analysis WRITE target users_v2@12

@@ target insert without column list
insert into users_v2 values (7, 'fay', null, '1', current_timestamp)
@@analysis WRITE target users_v2@12

@@ target insert multi-row with default
insert into users_v2 (id, full_name, status_code, created_at) values (7, 'fay', '2', default), (8, 'gus', null, default)
@@analysis WRITE target users_v2@12

@@ backfill insert select from source into target
insert into users_v2 (id, full_name, email, status_code) select id, name, email, cast(status as varchar(8)) from users
@@analysis WRITE target users_v2@12 source users@113

@@ merge key values
MERGE INTO users KEY (id) VALUES (1, 'ann', 'ann@y.io', 1, true)
@@analysis WRITE source users@11

@@ merge with column list and key
merge into users (id, name, status) key (id) values (?, ?, ?)
@@binds 12, 'jo', 2
@@analysis WRITE source users@11

@@ target merge key values
MERGE INTO users_v2 (id, full_name, status_code) KEY (id) VALUES (?, ?, ?)
@@binds 2, 'bobby', '2'
@@analysis WRITE target users_v2@11

@@ standard merge using values
merge into users u using (select cast(? as int) as id, cast(? as varchar(50)) as name) s on u.id = s.id when matched then update set name = s.name when not matched then insert (id, name) values (s.id, s.name)
@@binds 3, 'beatrice'
@@analysis WRITE source users@11

@@ standard merge using aggregate from orders
MERGE INTO users u USING (SELECT user_id, COUNT(*) AS n FROM orders GROUP BY user_id) o ON (u.id = o.user_id) WHEN MATCHED THEN UPDATE SET status = o.n
@@analysis WRITE source users@11

@@ target merge with delete branch
merge into users_v2 v using (select 6 as id) s on v.id = s.id when matched and s.id = 6 then delete
@@analysis WRITE target users_v2@11; cannot analyse: cannot parse: Encountered "and" at line 1, column 76.

@@ update by id with two columns
UPDATE users SET name = ?, email = ? WHERE id = ?
@@binds 'anna', 'anna@x.io', 1
@@analysis WRITE source users@7

@@ update computed column arithmetic
update users set status = status + 1 where status is not null
@@analysis WRITE source users@7

@@ update with in subquery
update users set legacy_flag = false where id in (select user_id from orders where state = 'open')
@@analysis WRITE source users@7

@@ update with correlated subquery
update users u set email = (select max(r.role) from user_roles r where r.user_id = u.id) || '@roles' where exists (select 1 from user_roles r where r.user_id = u.id)
@@analysis WRITE source users@7

@@ spring data jdbc update
UPDATE "USERS" SET "NAME" = ?, "EMAIL" = ?, "STATUS" = ? WHERE "USERS"."ID" = ?
@@binds 'cyrus', 'cy@x.io', 2, 4
@@analysis WRITE source "USERS"@7

@@ hibernate 6 update
update users set email=?,legacy_flag=?,name=?,status=? where id=?
@@binds 'e@x.io', true, 'Eve', 1, 6
@@analysis WRITE source users@7

@@ optimistic update
UPDATE users SET status = ? WHERE id = ? AND status = ?
@@binds 3, 2, 2
@@analysis WRITE source users@7

@@ update with limit (H2)
update users set email = lower(email) where status = 1 limit 1
@@analysis WRITE source users@7

@@ update row value assignment
update users set (name, email) = (select 'x', 'y') where id = 1
@@analysis WRITE source users@7; cannot analyse: cannot parse: Encountered "(" at line 1, column 18.

@@ target update
update users_v2 set full_name = ?, status_code = ? where id = ?
@@binds 'bob', '3', 2
@@analysis WRITE target users_v2@7

@@ target update of created_at
update users_v2 set created_at = current_timestamp where id = 1
@@analysis WRITE target users_v2@7

@@ update orders from users subquery
update orders set state = 'vip' where user_id in (select id from users where status = 2)
@@analysis WRITE source users@65

@@ delete by id
DELETE FROM users WHERE id = ?
@@binds 6
@@analysis WRITE source users@12

@@ delete not in subquery
delete from users where id not in (select user_id from orders where user_id is not null)
@@analysis WRITE source users@12

@@ delete not exists with alias
delete from users u where not exists (select 1 from user_roles r where r.user_id = u.id)
@@analysis WRITE source users@12

@@ delete with limit (H2)
delete from users where status = 3 limit 1
@@analysis WRITE source users@12

@@ target delete where status_code null
delete from users_v2 where status_code is null
@@analysis WRITE target users_v2@12

@@ target spring data jdbc delete
DELETE FROM "USERS_V2" WHERE "USERS_V2"."ID" = ?
@@binds 5
@@analysis WRITE target "USERS_V2"@12

@@ delete roles of target users
delete from user_roles where user_id in (select id from users_v2 where status_code = '3')
@@analysis WRITE target users_v2@56

@@ data change delta table: final table of an update (a write that starts with SELECT)
SELECT id, name FROM FINAL TABLE (UPDATE users SET email = email WHERE id = -1)
@@analysis WRITE source users@41; cannot analyse: cannot parse: Incorrect syntax near the keyword 'TABLE' at line 1, column 28.

@@ target data change delta table: old table of a delete
select id, full_name from old table (delete from users_v2 where id = -1)
@@analysis WRITE target users_v2@49; cannot analyse: cannot parse: Encountered "table" at line 1, column 31.

@@ ddl: alter table add column
ALTER TABLE users ADD COLUMN nickname VARCHAR(20)
@@analysis DDL source users@12

@@ ddl: alter target column
alter table users_v2 alter column full_name set not null
@@analysis DDL target users_v2@12

@@ ddl: create index
CREATE INDEX idx_users_email ON users (email)
@@analysis DDL source users@32

@@ ddl: create unique index on target
create unique index ux_users_v2_email on users_v2 (email)
@@analysis DDL target users_v2@41

@@ ddl: truncate
TRUNCATE TABLE users
@@analysis DDL source users@15

@@ ddl: create view
create view active_users as select id, name from users where status = 1
@@analysis DDL source users@49

@@ ddl: comment on table
COMMENT ON TABLE users IS 'legacy, migrating to users_v2'
@@analysis DDL source users@17

@@ ddl: rename table
alter table users rename to users_old
@@analysis DDL source users@12

@@ ddl: create table as select
create table users_copy as select * from users
@@analysis DDL source users@41

@@ session: set schema
SET SCHEMA PUBLIC
@@analysis SESSION

@@ session: set lock timeout
SET LOCK_TIMEOUT 1000
@@analysis SESSION

@@ ddl: drop unrelated table
drop table if exists users_backup
@@analysis DDL


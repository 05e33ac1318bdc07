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

@@ hibernate 6: find by email
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.email=?
@@binds 'bob@x.io'
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.email=?

@@ hibernate 6: page with limit ?,?
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 order by u1_0.id limit ?,?
@@binds 1, 2
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 order by u1_0.id limit ?,?

@@ hibernate 6: page with limit ? offset ?
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 order by u1_0.name desc,u1_0.id limit ? offset ?
@@binds 3, 1
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 order by u1_0.full_name desc,u1_0.id limit ? offset ?

@@ hibernate 6: first page, limit ?
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.status=? order by u1_0.id limit ?
@@binds 1, 1
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where (CAST(u1_0.status_code AS INT))=? order by u1_0.id limit ?

@@ hibernate 6: count query
select count(u1_0.id) from users u1_0 where u1_0.status=?
@@binds 2
@@analysis READ source users@27
@@rewritten
select count(u1_0.id) from users_v2 u1_0 where (CAST(u1_0.status_code AS INT))=?

@@ hibernate 6: existsBy as limit 1
select u1_0.id from users u1_0 where u1_0.email=? limit ?
@@binds 'cy@x.io', 1
@@analysis READ source users@20
@@rewritten
select u1_0.id from users_v2 u1_0 where u1_0.email=? limit ?

@@ hibernate 6: like with escape
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.name like ? escape '\\' order by u1_0.id
@@binds 'b%'
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.full_name like ? escape '\\' order by u1_0.id

@@ hibernate 6: in list
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id in (?,?,?)
@@binds 1, 4, 6
@@analysis READ source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.id in (?,?,?)

@@ hibernate 6: pessimistic write lock
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id=? for update
@@binds 2
@@analysis READ locking source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.id=? for update

@@ hibernate 6: pessimistic read lock on MariaDB
select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id=? lock in share mode
@@binds 2
@@analysis READ locking source users@53
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 where u1_0.id=? lock in share mode

@@ hibernate 6: for update nowait
select u1_0.id,u1_0.name from users u1_0 where u1_0.id=? for update nowait
@@binds 4
@@analysis READ locking source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.id=? for update nowait

@@ hibernate 6: join fetch of the owner from orders
select o1_0.order_id,o1_0.state,o1_0.total,u1_0.id,u1_0.email,u1_0.name,u1_0.status from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where o1_0.state=?
@@binds 'open'
@@analysis READ source users@106
@@rewritten
select o1_0.order_id,o1_0.state,o1_0.total,u1_0.id,u1_0.email,u1_0.full_name AS name,(CAST(u1_0.status_code AS INT)) AS status from orders o1_0 join users_v2 u1_0 on u1_0.id=o1_0.user_id where o1_0.state=?

@@ hibernate 6: left join fetch of a collection
select u1_0.id,u1_0.email,u1_0.name,r1_0.user_id,r1_0.role,u1_0.status from users u1_0 left join user_roles r1_0 on u1_0.id=r1_0.user_id where u1_0.id=?
@@binds 1
@@analysis READ source users@76
@@rewritten
select u1_0.id,u1_0.email,u1_0.full_name AS name,r1_0.user_id,r1_0.role,(CAST(u1_0.status_code AS INT)) AS status from users_v2 u1_0 left join user_roles r1_0 on u1_0.id=r1_0.user_id where u1_0.id=?

@@ hibernate 6: many-to-one lazy load from orders
select o1_0.order_id,o1_0.state,o1_0.total,o1_0.user_id from orders o1_0 left join users u1_0 on u1_0.id=o1_0.user_id where u1_0.name=?
@@binds 'ann'
@@analysis READ source users@83
@@rewritten
select o1_0.order_id,o1_0.state,o1_0.total,o1_0.user_id from orders o1_0 left join users_v2 u1_0 on u1_0.id=o1_0.user_id where u1_0.full_name=?

@@ hibernate 6: projection with unaliased case
select u1_0.name,case when u1_0.status=1 then 'active' else 'other' end from users u1_0 order by u1_0.id
@@analysis READ source users@77
@@rewritten
select u1_0.full_name AS name,case when (CAST(u1_0.status_code AS INT))=1 then 'active' else 'other' end AS `case when u1_0.status=1 then 'active' else 'other' end` from users_v2 u1_0 order by u1_0.id

@@ hibernate 6: group by with count
select u1_0.status,count(u1_0.id) from users u1_0 group by u1_0.status order by u1_0.status
@@analysis READ source users@39
@@rewritten
select (CAST(u1_0.status_code AS INT)) AS status,count(u1_0.id) from users_v2 u1_0 group by (CAST(u1_0.status_code AS INT)) order by (CAST(u1_0.status_code AS INT))

@@ hibernate 6: subquery in where
select u1_0.id,u1_0.name from users u1_0 where u1_0.id in (select o1_0.user_id from orders o1_0 where o1_0.total>?)
@@binds 10.00
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where u1_0.id in (select o1_0.user_id from orders o1_0 where o1_0.total>?)

@@ hibernate 6: exists subquery
select u1_0.id,u1_0.name from users u1_0 where exists(select 1 from user_roles r1_0 where r1_0.user_id=u1_0.id and r1_0.role=?)
@@binds 'user'
@@analysis READ source users@30
@@rewritten
select u1_0.id,u1_0.full_name AS name from users_v2 u1_0 where exists(select 1 from user_roles r1_0 where r1_0.user_id=u1_0.id and r1_0.role=?)

@@ hibernate 6: entity with legacy_flag is refused
select u1_0.id,u1_0.email,u1_0.legacy_flag,u1_0.name,u1_0.status from users u1_0 where u1_0.id=?
@@binds 1
@@analysis READ source users@70
@@refused column legacy_flag of users is not in users_v2

@@ hibernate 6: coalesce and concat
select u1_0.id,coalesce(u1_0.email,'none') from users u1_0 where concat(u1_0.name,'!')=? order by u1_0.id
@@binds 'bob!'
@@analysis READ source users@48
@@rewritten
select u1_0.id,coalesce(u1_0.email,'none') from users_v2 u1_0 where concat(u1_0.full_name,'!')=? order by u1_0.id

@@ hibernate 5: find by id
select user0_.id as id1_2_0_, user0_.email as email2_2_0_, user0_.name as name3_2_0_, user0_.status as status4_2_0_ from users user0_ where user0_.id=?
@@binds 5
@@analysis READ source users@121
@@rewritten
select user0_.id as id1_2_0_, user0_.email as email2_2_0_, user0_.full_name as name3_2_0_, (CAST(user0_.status_code AS INT)) as status4_2_0_ from users_v2 user0_ where user0_.id=?

@@ hibernate 5: query with limit ?
select user0_.id as id1_2_, user0_.email as email2_2_, user0_.name as name3_2_, user0_.status as status4_2_ from users user0_ where user0_.status=? order by user0_.name asc limit ?
@@binds 2, 1
@@analysis READ source users@113
@@rewritten
select user0_.id as id1_2_, user0_.email as email2_2_, user0_.full_name as name3_2_, (CAST(user0_.status_code AS INT)) as status4_2_ from users_v2 user0_ where (CAST(user0_.status_code AS INT))=? order by user0_.full_name asc limit ?

@@ hibernate 5: query with limit ?, ?
select user0_.id as id1_2_, user0_.email as email2_2_, user0_.name as name3_2_, user0_.status as status4_2_ from users user0_ order by user0_.id asc limit ?, ?
@@binds 2, 3
@@analysis READ source users@113
@@rewritten
select user0_.id as id1_2_, user0_.email as email2_2_, user0_.full_name as name3_2_, (CAST(user0_.status_code AS INT)) as status4_2_ from users_v2 user0_ order by user0_.id asc limit ?, ?

@@ hibernate 5: count
select count(user0_.id) as col_0_0_ from users user0_ where user0_.email like ?
@@binds '%@x.io'
@@analysis READ source users@41
@@rewritten
select count(user0_.id) as col_0_0_ from users_v2 user0_ where user0_.email like ?

@@ hibernate 5: left outer join fetch
select user0_.id as id1_2_0_, orders1_.order_id as order_id1_0_1_, user0_.email as email2_2_0_, user0_.name as name3_2_0_, user0_.status as status4_2_0_, orders1_.total as total3_0_1_, orders1_.user_id as user_id4_0_1_ from users user0_ left outer join orders orders1_ on user0_.id=orders1_.user_id where user0_.id=?
@@binds 1
@@analysis READ source users@224
@@rewritten
select user0_.id as id1_2_0_, orders1_.order_id as order_id1_0_1_, user0_.email as email2_2_0_, user0_.full_name as name3_2_0_, (CAST(user0_.status_code AS INT)) as status4_2_0_, orders1_.total as total3_0_1_, orders1_.user_id as user_id4_0_1_ from users_v2 user0_ left outer join orders orders1_ on user0_.id=orders1_.user_id where user0_.id=?

@@ hibernate 5: group by with inner join in parentheses
select user0_.name as col_0_0_, count(orders1_.order_id) as col_1_0_ from users user0_ inner join orders orders1_ on (orders1_.user_id=user0_.id) group by user0_.name
@@analysis READ source users@74
@@rewritten
select user0_.full_name as col_0_0_, count(orders1_.order_id) as col_1_0_ from users_v2 user0_ inner join orders orders1_ on (orders1_.user_id=user0_.id) group by user0_.full_name

@@ hibernate 5: cross join in theta style
select user0_.id as col_0_0_, orders1_.total as col_1_0_ from users user0_ cross join orders orders1_ where orders1_.user_id=user0_.id and user0_.status=?
@@binds 1
@@analysis READ source users@62
@@rewritten
select user0_.id as col_0_0_, orders1_.total as col_1_0_ from users_v2 user0_ cross join orders orders1_ where orders1_.user_id=user0_.id and (CAST(user0_.status_code AS INT))=?

@@ hibernate 5: scalar subquery in select
select user0_.id as col_0_0_, (select count(orders1_.order_id) from orders orders1_ where orders1_.user_id=user0_.id) as col_1_0_ from users user0_
@@analysis READ source users@135
@@rewritten
select user0_.id as col_0_0_, (select count(orders1_.order_id) from orders orders1_ where orders1_.user_id=user0_.id) as col_1_0_ from users_v2 user0_

@@ jooq: fetch by id
select `users`.`id`, `users`.`name`, `users`.`email`, `users`.`status` from `users` where `users`.`id` = ?
@@binds 4
@@analysis READ source `users`@76
@@rewritten
select `users`.`id`, `users`.full_name AS `name`, `users`.`email`, (CAST(`users`.status_code AS INT)) AS `status` from users_v2 `users` where `users`.`id` = ?

@@ jooq: count
select count(*) from `users`
@@analysis READ source `users`@21
@@rewritten
select count(*) from users_v2 `users`

@@ jooq: page with limit ? offset ?
select `users`.`id`, `users`.`name` from `users` order by `users`.`id` limit ? offset ?
@@binds 2, 2
@@analysis READ source `users`@41
@@rewritten
select `users`.`id`, `users`.full_name AS `name` from users_v2 `users` order by `users`.`id` limit ? offset ?

@@ jooq: join with orders
select `users`.`name`, `orders`.`total` from `users` join `orders` on `orders`.`user_id` = `users`.`id` where `orders`.`state` = ?
@@binds 'paid'
@@analysis READ source `users`@45
@@rewritten
select `users`.full_name AS `name`, `orders`.`total` from users_v2 `users` join `orders` on `orders`.`user_id` = `users`.`id` where `orders`.`state` = ?

@@ jooq: left outer join and group by
select `users`.`id`, `users`.`name`, count(`orders`.`order_id`) as `n` from `users` left outer join `orders` on `orders`.`user_id` = `users`.`id` group by `users`.`id`, `users`.`name`
@@analysis READ source `users`@76
@@rewritten
select `users`.`id`, `users`.full_name AS `name`, count(`orders`.`order_id`) as `n` from users_v2 `users` left outer join `orders` on `orders`.`user_id` = `users`.`id` group by `users`.`id`, `users`.full_name

@@ jooq: exists from dual
select 1 as `one` from dual where exists (select 1 as `one` from `users` where `users`.`email` = ?)
@@binds 'ann@x.io'
@@analysis READ source `users`@65
@@rewritten
select 1 as `one` from dual where exists (select 1 as `one` from users_v2 `users` where `users`.`email` = ?)

@@ jooq: is not distinct from as <=>
select `users`.`id` from `users` where `users`.`status` <=> ?
@@binds null
@@analysis READ source `users`@25
@@rewritten
select `users`.`id` from users_v2 `users` where (CAST(`users`.status_code AS INT)) <=> ?

@@ jooq: in list and order by desc
select `users`.`id`, `users`.`name` from `users` where `users`.`status` in (?, ?) order by `users`.`name` desc
@@binds 1, 3
@@analysis READ source `users`@41
@@rewritten
select `users`.`id`, `users`.full_name AS `name` from users_v2 `users` where (CAST(`users`.status_code AS INT)) in (?, ?) order by `users`.full_name desc

@@ jooq: derived table with generated alias
select `alias_58234`.`name`, `alias_58234`.`n` from (select `users`.`name`, count(*) as `n` from `users` group by `users`.`name`) as `alias_58234`
@@analysis READ source `users`@97
@@rewritten
select `alias_58234`.`name`, `alias_58234`.`n` from (select `users`.full_name AS `name`, count(*) as `n` from users_v2 `users` group by `users`.full_name) as `alias_58234`

@@ jooq: is null
select `users`.`id`, `users`.`email` from `users` where `users`.`email` is null
@@analysis READ source `users`@42
@@rewritten
select `users`.`id`, `users`.`email` from users_v2 `users` where `users`.`email` is null

@@ jooq: case when
select `users`.`id`, case when `users`.`status` = ? then 'one' else 'many' end as `kind` from `users`
@@binds 1
@@analysis READ source `users`@94
@@rewritten
select `users`.`id`, case when (CAST(`users`.status_code AS INT)) = ? then 'one' else 'many' end as `kind` from users_v2 `users`

@@ jooq: locking
select `users`.`id`, `users`.`name` from `users` where `users`.`id` = ? for update
@@binds 1
@@analysis READ locking source `users`@41
@@rewritten
select `users`.`id`, `users`.full_name AS `name` from users_v2 `users` where `users`.`id` = ? for update

@@ spring data jdbc: find by id
SELECT `users`.`id` AS `id`, `users`.`name` AS `name`, `users`.`email` AS `email`, `users`.`status` AS `status` FROM `users` WHERE `users`.`id` = ?
@@binds 6
@@analysis READ source `users`@117
@@rewritten
SELECT `users`.`id` AS `id`, `users`.full_name AS `name`, `users`.`email` AS `email`, (CAST(`users`.status_code AS INT)) AS `status` FROM users_v2 `users` WHERE `users`.`id` = ?

@@ spring data jdbc: find all
SELECT `users`.`id` AS `id`, `users`.`name` AS `name`, `users`.`email` AS `email`, `users`.`status` AS `status` FROM `users`
@@analysis READ source `users`@117
@@rewritten
SELECT `users`.`id` AS `id`, `users`.full_name AS `name`, `users`.`email` AS `email`, (CAST(`users`.status_code AS INT)) AS `status` FROM users_v2 `users`

@@ spring data jdbc: page with LIMIT offset, count
SELECT `users`.`id` AS `id`, `users`.`name` AS `name`, `users`.`email` AS `email`, `users`.`status` AS `status` FROM `users` ORDER BY `users`.`id` ASC LIMIT 2, 2
@@analysis READ source `users`@117
@@rewritten
SELECT `users`.`id` AS `id`, `users`.full_name AS `name`, `users`.`email` AS `email`, (CAST(`users`.status_code AS INT)) AS `status` FROM users_v2 `users` ORDER BY `users`.`id` ASC LIMIT 2, 2

@@ spring data jdbc: count
SELECT COUNT(*) FROM `users`
@@analysis READ source `users`@21
@@rewritten
SELECT COUNT(*) FROM users_v2 `users`

@@ spring data jdbc: exists by id
SELECT COUNT(*) FROM `users` WHERE `users`.`id` = ?
@@binds 3
@@analysis READ source `users`@21
@@rewritten
SELECT COUNT(*) FROM users_v2 `users` WHERE `users`.`id` = ?

@@ spring data jdbc: derived query findByName
SELECT `users`.`id` AS `id`, `users`.`name` AS `name`, `users`.`email` AS `email`, `users`.`status` AS `status` FROM `users` WHERE `users`.`name` = ?
@@binds 'Eve'
@@analysis READ source `users`@117
@@rewritten
SELECT `users`.`id` AS `id`, `users`.full_name AS `name`, `users`.`email` AS `email`, (CAST(`users`.status_code AS INT)) AS `status` FROM users_v2 `users` WHERE `users`.full_name = ?

@@ spring data jdbc: findByStatusOrderByName
SELECT `users`.`id` AS `id`, `users`.`name` AS `name`, `users`.`email` AS `email`, `users`.`status` AS `status` FROM `users` WHERE `users`.`status` = ? ORDER BY `users`.`name` ASC
@@binds 2
@@analysis READ source `users`@117
@@rewritten
SELECT `users`.`id` AS `id`, `users`.full_name AS `name`, `users`.`email` AS `email`, (CAST(`users`.status_code AS INT)) AS `status` FROM users_v2 `users` WHERE (CAST(`users`.status_code AS INT)) = ? ORDER BY `users`.full_name ASC

@@ spring data jdbc: find all by id in
SELECT `users`.`id` AS `id`, `users`.`name` AS `name` FROM `users` WHERE `users`.`id` IN (?, ?)
@@binds 2, 5
@@analysis READ source `users`@59
@@rewritten
SELECT `users`.`id` AS `id`, `users`.full_name AS `name` FROM users_v2 `users` WHERE `users`.`id` IN (?, ?)

@@ mybatis: dynamic where with like concat
SELECT id, name, email, status
FROM users
WHERE 1=1
  AND status = ?
  AND name LIKE CONCAT('%', ?, '%')
ORDER BY id
@@binds 1, 'a'
@@analysis READ source users@36
@@rewritten
SELECT id, full_name AS name, email, (CAST(users.status_code AS INT)) AS status
FROM users_v2 users
WHERE 1=1
  AND (CAST(users.status_code AS INT)) = ?
  AND full_name LIKE CONCAT('%', ?, '%')
ORDER BY id

@@ mybatis: foreach in list with odd spacing
SELECT id, name FROM users WHERE id IN
     (
      ?
     ,
      ?
     ,
      ?
     )
@@binds 1, 2, 3
@@analysis READ source users@21
@@rewritten
SELECT id, full_name AS name FROM users_v2 users WHERE id IN
     (
      ?
     ,
      ?
     ,
      ?
     )

@@ mybatis: where block with leading spaces
SELECT
    id,
    name,
    email
FROM users
 WHERE  status = ?
     AND email IS NOT NULL
@@binds 2
@@analysis READ source users@40
@@rewritten
SELECT
    id,
    full_name AS name,
    email
FROM users_v2 users
 WHERE  (CAST(users.status_code AS INT)) = ?
     AND email IS NOT NULL

@@ mybatis: result map with join
SELECT u.id AS user_id, u.name AS user_name, o.order_id, o.total
  FROM users u
  LEFT JOIN orders o ON o.user_id = u.id
 WHERE u.id = ?
 ORDER BY o.order_id
@@binds 1
@@analysis READ source users@72
@@rewritten
SELECT u.id AS user_id, u.full_name AS user_name, o.order_id, o.total
  FROM users_v2 u
  LEFT JOIN orders o ON o.user_id = u.id
 WHERE u.id = ?
 ORDER BY o.order_id

@@ mybatis: choose with case
SELECT id,
       CASE status WHEN 1 THEN 'active' WHEN 2 THEN 'blocked' ELSE 'other' END AS status_label
  FROM users
 ORDER BY id
@@analysis READ source users@113
@@rewritten
SELECT id,
       CASE (CAST(users.status_code AS INT)) WHEN 1 THEN 'active' WHEN 2 THEN 'blocked' ELSE 'other' END AS status_label
  FROM users_v2 users
 ORDER BY id

@@ jdbctemplate: count by email
select count(*) from users where email = ?
@@binds 'dee@x.io'
@@analysis READ source users@21
@@rewritten
select count(*) from users_v2 users where email = ?

@@ jdbctemplate: exists unaliased
select exists(select 1 from users where email = ?)
@@binds 'bob@x.io'
@@analysis READ source users@28
@@refused the unnamed select item exists(select 1 from users where email = ?) is labelled with its own text, which the translation changes; name it with AS

@@ jdbctemplate: exists aliased
select exists(select 1 from users where email = ?) as found
@@binds 'bob@x.io'
@@analysis READ source users@28
@@rewritten
select exists(select 1 from users_v2 users where email = ?) as found

@@ jdbctemplate: name by id
select name from users where id = ?
@@binds 3
@@analysis READ source users@17
@@rewritten
select full_name AS name from users_v2 users where id = ?

@@ jdbctemplate: max status unaliased
select max(status) from users
@@analysis READ source users@24
@@rewritten
select max((CAST(users.status_code AS INT))) AS `max(status)` from users_v2 users

@@ jdbctemplate: max status aliased
select max(status) as max_status, min(status) as min_status, avg(status) as avg_status from users
@@analysis READ source users@92
@@rewritten
select max((CAST(users.status_code AS INT))) as max_status, min((CAST(users.status_code AS INT))) as min_status, avg((CAST(users.status_code AS INT))) as avg_status from users_v2 users

@@ hand-written: distinct status
select distinct status from users order by status
@@analysis READ source users@28
@@rewritten
select distinct (CAST(users.status_code AS INT)) AS status from users_v2 users order by (CAST(users.status_code AS INT))

@@ hand-written: distinct name with order by
select distinct name from users order by name
@@analysis READ source users@26
@@rewritten
select distinct full_name AS name from users_v2 users order by full_name

@@ hand-written: group by having
select status, count(*) as n from users group by status having count(*) > 1 order by status
@@analysis READ source users@34
@@rewritten
select (CAST(users.status_code AS INT)) AS status, count(*) as n from users_v2 users group by (CAST(users.status_code AS INT)) having count(*) > 1 order by (CAST(users.status_code AS INT))

@@ hand-written: having on an alias
select status, count(*) as n from users group by status having n > 1
@@analysis READ source users@34
@@rewritten
select (CAST(users.status_code AS INT)) AS status, count(*) as n from users_v2 users group by (CAST(users.status_code AS INT)) having n > 1

@@ hand-written: group by with rollup
select status, count(*) as n from users group by status with rollup
@@analysis READ source users@34
@@rewritten
select (CAST(users.status_code AS INT)) AS status, count(*) as n from users_v2 users group by (CAST(users.status_code AS INT)) with rollup

@@ hand-written: rollup over a join
select u.status, sum(o.total) as spent from users u join orders o on o.user_id = u.id group by u.status with rollup
@@analysis READ source users@44
@@rewritten
select (CAST(u.status_code AS INT)) AS status, sum(o.total) as spent from users_v2 u join orders o on o.user_id = u.id group by (CAST(u.status_code AS INT)) with rollup

@@ hand-written: group by an alias of a renamed column
select lower(name) as lname, count(*) as n from users group by lname order by lname
@@analysis READ source users@48
@@rewritten
select lower(full_name) as lname, count(*) as n from users_v2 users group by lname order by lname

@@ hand-written: ifnull and coalesce
select id, ifnull(email, 'n/a') as email, coalesce(status, 0) as status from users order by id
@@analysis READ source users@77
@@rewritten
select id, ifnull(email, 'n/a') as email, coalesce((CAST(users.status_code AS INT)), 0) as status from users_v2 users order by id

@@ hand-written: case searched
select id, case when status is null then 'unknown' when status > 1 then 'high' else 'low' end as bucket from users
@@analysis READ source users@109
@@rewritten
select id, case when (CAST(users.status_code AS INT)) is null then 'unknown' when (CAST(users.status_code AS INT)) > 1 then 'high' else 'low' end as bucket from users_v2 users

@@ hand-written: like prefix
select id, name from users where name like 'b%' order by id
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name like 'b%' order by id

@@ hand-written: regexp
select id, name from users where name regexp '^[a-c]' order by id
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name regexp '^[a-c]' order by id

@@ hand-written: rlike and not regexp
select id from users where email rlike 'x\\.io$' and name not regexp '^E'
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where email rlike 'x\\.io$' and full_name not regexp '^E'

@@ hand-written: in list
select id, name from users where status in (1, 3)
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) in (1, 3)

@@ hand-written: not in subquery
select id, name from users where id not in (select user_id from user_roles)
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id not in (select user_id from user_roles)

@@ hand-written: in subquery on the same table
select id, name from users where status in (select status from users where id = 1)
@@analysis READ source users@21 source users@63
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) in (select (CAST(users.status_code AS INT)) AS status from users_v2 users where id = 1)

@@ hand-written: correlated not exists
select u.id, u.name from users u where not exists (select 1 from orders o where o.user_id = u.id)
@@analysis READ source users@25
@@rewritten
select u.id, u.full_name AS name from users_v2 u where not exists (select 1 from orders o where o.user_id = u.id)

@@ hand-written: correlated subquery with unqualified outer column
select id, name from users where exists (select 1 from orders where user_id = id and state = 'open')
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where exists (select 1 from orders where user_id = id and state = 'open')

@@ hand-written: scalar subquery in select
select u.id, (select count(*) from orders o where o.user_id = u.id) as order_count from users u order by u.id
@@analysis READ source users@88
@@rewritten
select u.id, (select count(*) from orders o where o.user_id = u.id) as order_count from users_v2 u order by u.id

@@ hand-written: scalar subquery of users from orders
select o.order_id, (select u.name from users u where u.id = o.user_id) as owner from orders o order by o.order_id
@@analysis READ source users@39
@@rewritten
select o.order_id, (select u.full_name AS name from users_v2 u where u.id = o.user_id) as owner from orders o order by o.order_id

@@ hand-written: comparison with a scalar subquery
select id, name from users where status = (select max(status) from users)
@@analysis READ source users@21 source users@67
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = (select max((CAST(users.status_code AS INT))) from users_v2 users)

@@ hand-written: inner join with user_roles
select u.name, r.role from users u join user_roles r on r.user_id = u.id order by u.id, r.role
@@analysis READ source users@27
@@rewritten
select u.full_name AS name, r.role from users_v2 u join user_roles r on r.user_id = u.id order by u.id, r.role

@@ hand-written: unqualified columns across a join
select name, role from users join user_roles on user_id = id
@@analysis READ source users@23
@@rewritten
select full_name AS name, role from users_v2 users join user_roles on user_id = id

@@ hand-written: left join with is null
select u.id, u.name from users u left join orders o on o.user_id = u.id where o.order_id is null
@@analysis READ source users@25
@@rewritten
select u.id, u.full_name AS name from users_v2 u left join orders o on o.user_id = u.id where o.order_id is null

@@ hand-written: right join
select o.order_id, u.name from users u right join orders o on o.user_id = u.id order by o.order_id
@@analysis READ source users@31
@@rewritten
select o.order_id, u.full_name AS name from users_v2 u right join orders o on o.user_id = u.id order by o.order_id

@@ hand-written: straight_join modifier
select straight_join u.id, o.total from users u join orders o on o.user_id = u.id
@@analysis READ source users@40
@@rewritten
select straight_join u.id, o.total from users_v2 u join orders o on o.user_id = u.id

@@ hand-written: straight_join operator
select u.name, o.total from users u straight_join orders o on o.user_id = u.id where o.state <> 'void'
@@analysis READ source users@28
@@rewritten
select u.full_name AS name, o.total from users_v2 u straight_join orders o on o.user_id = u.id where o.state <> 'void'

@@ hand-written: comma join
select u.name, o.total from users u, orders o where o.user_id = u.id and u.status = 1
@@analysis READ source users@28
@@rewritten
select u.full_name AS name, o.total from users_v2 u, orders o where o.user_id = u.id and (CAST(u.status_code AS INT)) = 1

@@ hand-written: self join
select a.name, b.name from users a join users b on a.status = b.status and a.id < b.id
@@analysis READ source users@27 source users@40
@@rewritten
select a.full_name AS name, b.full_name AS name from users_v2 a join users_v2 b on (CAST(a.status_code AS INT)) = (CAST(b.status_code AS INT)) and a.id < b.id

@@ hand-written: self join with aliases on both names
select a.id, a.name as first_name, b.name as second_name from users a join users b on b.id = a.id + 1 order by a.id
@@analysis READ source users@62 source users@75
@@rewritten
select a.id, a.full_name as first_name, b.full_name as second_name from users_v2 a join users_v2 b on b.id = a.id + 1 order by a.id

@@ hand-written: three-way join
select u.name, o.order_id, r.role from users u join orders o on o.user_id = u.id join user_roles r on r.user_id = u.id where r.role = 'user'
@@analysis READ source users@39
@@rewritten
select u.full_name AS name, o.order_id, r.role from users_v2 u join orders o on o.user_id = u.id join user_roles r on r.user_id = u.id where r.role = 'user'

@@ hand-written: union
select name from users where status = 1 union select name from users where status = 2
@@analysis READ source users@17 source users@63
@@rewritten
select full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1 union select full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2

@@ hand-written: union all with order by a renamed column
select id, name from users where status = 1 union all select id, name from users where status = 2 order by name, id
@@analysis READ source users@21 source users@75
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1 union all select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2 order by name, id

@@ hand-written: union with orders
select 'user' as kind, id as ref from users union all select 'order', order_id from orders
@@analysis READ source users@38
@@rewritten
select 'user' as kind, id as ref from users_v2 users union all select 'order', order_id from orders

@@ hand-written: cte
with active as (select id, name from users where status = 1) select a.id, a.name from active a order by a.id
@@analysis READ source users@37
@@rewritten
with active as (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1) select a.id, a.name from active a order by a.id

@@ hand-written: cte named like the table
with users as (select id, name from users where status = 1) select id, name from users order by id
@@analysis READ source users@36
@@rewritten
with users as (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1) select id, name from users order by id

@@ hand-written: cte with a column list
with t(uid, uname) as (select id, name from users) select uid, uname from t order by uid
@@analysis READ source users@44
@@rewritten
with t(uid, uname) as (select id, full_name AS name from users_v2 users) select uid, uname from t order by uid

@@ hand-written: recursive cte joined to users
with recursive ids(n) as (select 1 union all select n + 1 from ids where n < 3) select ids.n, u.name from ids join users u on u.id = ids.n
@@analysis READ source users@115
@@rewritten
with recursive ids(n) as (select 1 union all select n + 1 from ids where n < 3) select ids.n, u.full_name AS name from ids join users_v2 u on u.id = ids.n

@@ hand-written: two ctes
with s as (select status, count(*) as n from users group by status), o as (select user_id, sum(total) as spent from orders group by user_id) select u.id, s.n, o.spent from users u join s on s.status = u.status left join o on o.user_id = u.id
@@analysis READ source users@45 source users@172
@@rewritten
with s as (select (CAST(users.status_code AS INT)) AS status, count(*) as n from users_v2 users group by (CAST(users.status_code AS INT))), o as (select user_id, sum(total) as spent from orders group by user_id) select u.id, s.n, o.spent from users_v2 u join s on s.status = (CAST(u.status_code AS INT)) left join o on o.user_id = u.id

@@ hand-written: row_number window
select id, name, row_number() over (partition by status order by id) as rn from users
@@analysis READ source users@80
@@rewritten
select id, full_name AS name, row_number() over (partition by (CAST(users.status_code AS INT)) order by id) as rn from users_v2 users

@@ hand-written: rank over a renamed column
select id, rank() over (order by name) as r from users
@@analysis READ source users@49
@@rewritten
select id, rank() over (order by full_name) as r from users_v2 users

@@ hand-written: running sum
select id, sum(status) over (order by id) as running from users order by id
@@analysis READ source users@58
@@rewritten
select id, sum((CAST(users.status_code AS INT))) over (order by id) as running from users_v2 users order by id

@@ hand-written: named window and lead
select name, lead(name) over w as next_name from users window w as (order by id)
@@analysis READ source users@49
@@rewritten
select full_name AS name, lead(full_name) over w as next_name from users_v2 users window w as (order by id)

@@ hand-written: count over partition
select id, status, count(*) over (partition by status) as same_status from users
@@analysis READ source users@75
@@rewritten
select id, (CAST(users.status_code AS INT)) AS status, count(*) over (partition by (CAST(users.status_code AS INT))) as same_status from users_v2 users

@@ hand-written: sql_calc_found_rows
select sql_calc_found_rows id, name from users order by id limit 2
@@analysis READ source users@41
@@rewritten
select sql_calc_found_rows id, full_name AS name from users_v2 users order by id limit 2

@@ hand-written: high_priority and sql_no_cache
SELECT HIGH_PRIORITY SQL_NO_CACHE id, name FROM users WHERE status = 2
@@analysis READ source users@48
@@rewritten
SELECT HIGH_PRIORITY SQL_NO_CACHE id, full_name AS name FROM users_v2 users WHERE (CAST(users.status_code AS INT)) = 2

@@ hand-written: index hint
select id, name from users use index (primary) where id > 3
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users use index (primary) where id > 3

@@ hand-written: force index with alias
select u.id, u.email from users u force index (PRIMARY) where u.id between 2 and 4
@@analysis READ source users@26
@@rewritten
select u.id, u.email from users_v2 u force index (PRIMARY) where u.id between 2 and 4

@@ hand-written: ignore index for order by
select id, name from users ignore index for order by (primary) order by id limit 3
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users ignore index for order by (primary) order by id limit 3

@@ hand-written: lock in share mode
select id, status from users where id = ? lock in share mode
@@binds 3
@@analysis READ locking source users@23
@@rewritten
select id, (CAST(users.status_code AS INT)) AS status from users_v2 users where id = ? lock in share mode

@@ hand-written: for update skip locked
select id, name from users where status = 1 order by id limit 1 for update skip locked
@@analysis READ locking source users@21
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1 order by id limit 1 for update skip locked

@@ hand-written: hash comment at the start
# list the users
select id, name from users order by id
@@analysis READ source users@38
@@rewritten
# list the users
select id, full_name AS name from users_v2 users order by id

@@ hand-written: hash comment mid statement
select id, # the key
  name # the name, soon full_name
from users where id < 3
@@analysis READ source users@60
@@rewritten
select id, # the key
  full_name AS name # the name, soon full_name
from users_v2 users where id < 3

@@ hand-written: double-dash comments
-- users with orders
select id, name -- renamed later
from users -- from users
where id in (select user_id from orders)
@@analysis READ source users@59
@@rewritten
-- users with orders
select id, full_name AS name -- renamed later
from users_v2 users -- from users
where id in (select user_id from orders)

@@ hand-written: block comments
/* app:users.list */ select /* columns */ id, name from /* the table */ users /* done */
@@analysis READ source users@72
@@rewritten
/* app:users.list */ select /* columns */ id, full_name AS name from /* the table */ users_v2 users /* done */

@@ hand-written: sqlcommenter tag at the end
select id, name from users where id = ? /*controller='users',action='show'*/
@@binds 1
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id = ? /*controller='users',action='show'*/

@@ hand-written: mysqldump style version comment
SELECT /*!40001 SQL_NO_CACHE */ id, name, email, status FROM users
@@analysis READ source users@61
@@refused MariaDB runs the SQL inside /*! … */ comments, which Tandem does not read

@@ hand-written: version comment holding a column
select id, name from users where 1 = 1 /*!50100 and status = 1 */ order by id
@@analysis READ source users@21
@@refused MariaDB runs the SQL inside /*! … */ comments, which Tandem does not read

@@ hand-written: MariaDB executable comment holding a column
select id /*M!100100 , name */ from users order by id
@@analysis READ source users@36
@@refused MariaDB runs the SQL inside /*! … */ comments, which Tandem does not read

@@ hand-written: optimizer hint comment
SELECT /*+ MAX_EXECUTION_TIME(1000) */ id, name FROM users WHERE id = ?
@@binds 2
@@analysis READ source users@53
@@rewritten
SELECT /*+ MAX_EXECUTION_TIME(1000) */ id, full_name AS name FROM users_v2 users WHERE id = ?

@@ hand-written: backquoted names
select `id`, `name`, `email` from `users` where `status` = 1
@@analysis READ source `users`@34
@@rewritten
select `id`, full_name AS `name`, `email` from users_v2 `users` where (CAST(`users`.status_code AS INT)) = 1

@@ hand-written: double-quoted strings
select id, name from users where name in ("bob", "bea")
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name in ("bob", "bea")

@@ hand-written: double-quoted string with an apostrophe
select id, name from users where name = "it's" or id = 2
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name = "it's" or id = 2

@@ hand-written: backslash-escaped quote
select id, name from users where name <> 'o\'neil' and id <= 2
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name <> 'o\'neil' and id <= 2

@@ hand-written: doubled quote
select id, name from users where name <> 'o''neil' and id >= 5
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name <> 'o''neil' and id >= 5

@@ hand-written: string that names the table
select id, 'users' as source, name from users where name <> 'users' and email <> "users_v2"
@@analysis READ source users@40
@@rewritten
select id, 'users' as source, full_name AS name from users_v2 users where full_name <> 'users' and email <> "users_v2"

@@ hand-written: DIV and MOD
select id, status div 2 as half, status mod 2 as odd, status % 2 as odd2 from users
@@analysis READ source users@78; cannot analyse: cannot parse: Encountered "2" at line 1, column 45.
@@refused cannot parse: Encountered "2" at line 1, column 45.

@@ hand-written: && and || operators
select id, name from users where email is not null && status = 1 || id = 6
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where email is not null && (CAST(users.status_code AS INT)) = 1 || id = 6

@@ hand-written: not and xor
select id from users where not status = 1 xor id = 2
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where not (CAST(users.status_code AS INT)) = 1 xor id = 2

@@ hand-written: odd spacing and tabs
select	id ,name
   from     users
 where
	status=1
@@analysis READ source users@28
@@rewritten
select	id ,full_name AS name
   from     users_v2 users
 where
	(CAST(users.status_code AS INT))=1

@@ hand-written: one line per token
select
id
,
name
from
users
where
id
=
?
@@binds 4
@@analysis READ source users@22
@@rewritten
select
id
,
full_name AS name
from
users_v2 users
where
id
=
?

@@ hand-written: upper-case keywords and columns
SELECT ID, NAME, EMAIL FROM users WHERE STATUS = 2
@@analysis READ source users@28
@@rewritten
SELECT ID, full_name AS NAME, EMAIL FROM users_v2 users WHERE (CAST(users.status_code AS INT)) = 2

@@ hand-written: mixed-case keywords and columns
SeLeCt Id, NaMe FrOm users WhErE StAtUs = 2 OrDeR bY iD
@@analysis READ source users@21
@@rewritten
SeLeCt Id, full_name AS NaMe FrOm users_v2 users WhErE (CAST(users.status_code AS INT)) = 2 OrDeR bY iD

@@ hand-written: upper-case alias
select U.id, U.Name from users U where U.Status = 1
@@analysis READ source users@25
@@rewritten
select U.id, U.full_name AS Name from users_v2 U where (CAST(U.status_code AS INT)) = 1

@@ hand-written: table name as qualifier
select users.id, users.name from users where users.status = 2
@@analysis READ source users@33
@@rewritten
select users.id, users.full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2

@@ hand-written: as before the alias
select u.id, u.name from users as u where u.id = 1
@@analysis READ source users@25
@@rewritten
select u.id, u.full_name AS name from users_v2 as u where u.id = 1

@@ hand-written: alias named like the target table
select users_v2.id, users_v2.name from users users_v2 order by users_v2.id
@@analysis READ source users@39
@@rewritten
select users_v2.id, users_v2.full_name AS name from users_v2 users_v2 order by users_v2.id

@@ hand-written: derived table aliased like the table
select users.id, users.name from (select id, name from users where status = 1) users order by users.id
@@analysis READ source users@55
@@rewritten
select users.id, users.name from (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 1) users order by users.id

@@ hand-written: derived table with star outside
select * from (select id, name from users where status = 2) t order by t.id
@@analysis READ source users@36
@@rewritten
select * from (select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) = 2) t order by t.id

@@ hand-written: derived table joined to users
select u.name, t.n from users u join (select user_id, count(*) as n from orders group by user_id) t on t.user_id = u.id
@@analysis READ source users@24
@@rewritten
select u.full_name AS name, t.n from users_v2 u join (select user_id, count(*) as n from orders group by user_id) t on t.user_id = u.id

@@ hand-written: qualified star of orders
select u.name, o.* from users u join orders o on o.user_id = u.id
@@analysis READ source users@24
@@rewritten
select u.full_name AS name, o.* from users_v2 u join orders o on o.user_id = u.id

@@ hand-written: star of orders with users in subquery
select * from orders where user_id in (select id from users where status = 1)
@@analysis READ source users@54
@@rewritten
select * from orders where user_id in (select id from users_v2 users where (CAST(users.status_code AS INT)) = 1)

@@ hand-written: exists with star of orders
select id from users u where exists (select * from orders o where o.user_id = u.id)
@@analysis READ source users@15
@@rewritten
select id from users_v2 u where exists (select * from orders o where o.user_id = u.id)

@@ hand-written: using on the key
select u.id, u.name, c.n from users u join (select user_id as id, count(*) as n from orders group by user_id) c using (id)
@@analysis READ source users@30
@@rewritten
select u.id, u.full_name AS name, c.n from users_v2 u join (select user_id as id, count(*) as n from orders group by user_id) c using (id)

@@ hand-written: row constructor in
select id, name from users where (status, id) in ((1, 1), (2, 2))
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where ((CAST(users.status_code AS INT)), id) in ((1, 1), (2, 2))

@@ hand-written: between and order by field
select id, name from users where id between ? and ? order by field(status, 2, 1, 3), id
@@binds 1, 5
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id between ? and ? order by field((CAST(users.status_code AS INT)), 2, 1, 3), id

@@ hand-written: find_in_set
select id, name from users where find_in_set(name, ?)
@@binds 'ann,bob'
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where find_in_set(full_name, ?)

@@ hand-written: if function
select id, if(status = 1, 'yes', 'no') as active from users
@@analysis READ source users@54
@@rewritten
select id, if((CAST(users.status_code AS INT)) = 1, 'yes', 'no') as active from users_v2 users

@@ hand-written: lower and char_length
select id, char_length(name) as len from users where lower(name) = lower(?)
@@binds 'EVE'
@@analysis READ source users@41
@@rewritten
select id, char_length(full_name) as len from users_v2 users where lower(full_name) = lower(?)

@@ hand-written: substring_index group by alias
select substring_index(email, '@', -1) as domain, count(*) as n from users group by domain
@@analysis READ source users@69
@@rewritten
select substring_index(email, '@', -1) as domain, count(*) as n from users_v2 users group by domain

@@ hand-written: concat with alias
select concat(name, ' <', email, '>') as contact from users where email is not null
@@analysis READ source users@54
@@rewritten
select concat(full_name, ' <', email, '>') as contact from users_v2 users where email is not null

@@ hand-written: group_concat with separator
select status, group_concat(name order by name separator ',') as names from users group by status
@@analysis READ source users@76
@@rewritten
select (CAST(users.status_code AS INT)) AS status, group_concat(full_name order by full_name separator ',') as names from users_v2 users group by (CAST(users.status_code AS INT))

@@ hand-written: cast to char
select id, cast(status as char) as s from users
@@analysis READ source users@42
@@rewritten
select id, cast((CAST(users.status_code AS INT)) as char) as s from users_v2 users

@@ hand-written: is null or
select id, name from users where status is null or status = 3
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where (CAST(users.status_code AS INT)) is null or (CAST(users.status_code AS INT)) = 3

@@ hand-written: binary comparison
select id from users where binary name = 'Eve'
@@analysis READ source users@15; cannot analyse: cannot parse: Encountered "name" at line 1, column 35.
@@refused cannot parse: Encountered "name" at line 1, column 35.

@@ hand-written: collate
select id from users where name = 'eve' collate utf8mb4_bin
@@analysis READ source users@15
@@rewritten
select id from users_v2 users where full_name = 'eve' collate utf8mb4_bin

@@ hand-written: count distinct unaliased
select count(distinct status) from users
@@analysis READ source users@35
@@rewritten
select count(distinct (CAST(users.status_code AS INT))) AS `count(distinct status)` from users_v2 users

@@ hand-written: order by an alias that shadows a column
select id, email as name from users order by name
@@analysis READ source users@30
@@rewritten
select id, email as name from users_v2 users order by name

@@ hand-written: order by column position
select name, id from users order by 2 desc limit 3
@@analysis READ source users@21
@@rewritten
select full_name AS name, id from users_v2 users order by 2 desc limit 3

@@ hand-written: limit without offset
select id, name from users order by id desc limit 3
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users order by id desc limit 3

@@ hand-written: select with a session variable
select id, name from users where id > @min_id order by id
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id > @min_id order by id

@@ hand-written: left join orders aggregate
select u.status, count(o.order_id) as orders, sum(o.total) as total from users u left join orders o on o.user_id = u.id group by u.status order by u.status
@@analysis READ source users@73
@@rewritten
select (CAST(u.status_code AS INT)) AS status, count(o.order_id) as orders, sum(o.total) as total from users_v2 u left join orders o on o.user_id = u.id group by (CAST(u.status_code AS INT)) order by (CAST(u.status_code AS INT))

@@ hand-written: DIV alone
select id, status div 2 as half from users
@@analysis READ source users@37
@@rewritten
select id, (CAST(users.status_code AS INT)) div 2 as half from users_v2 users

@@ hand-written: using on the key with the column unqualified
select id, name, c.n from users join (select user_id as id, count(*) as n from orders group by user_id) c using (id)
@@analysis READ source users@26
@@rewritten
select id, full_name AS name, c.n from users_v2 users join (select user_id as id, count(*) as n from orders group by user_id) c using (id)

@@ hand-written: alias reused in a subquery for another table
select u.id, u.name from users u where u.id in (select u.user_id from orders u where u.state = 'paid')
@@analysis READ source users@25
@@rewritten
select u.id, u.full_name AS name from users_v2 u where u.id in (select u.user_id from orders u where u.state = 'paid')

@@ hand-written: charset introducer and national string
select id, name from users where name = _utf8mb4'bob' or name = N'bea'
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where full_name = _utf8mb4'bob' or full_name = N'bea'

@@ hand-written: json_object
select id, json_object('id', id, 'name', name) as doc from users where id = 1
@@analysis READ source users@59
@@rewritten
select id, json_object('id', id, 'name', full_name) as doc from users_v2 users where id = 1

@@ hand-written: order by a renamed column with limit after an in subquery
select id, name from users where id in (select user_id from user_roles where role = 'user') order by name limit 2
@@analysis READ source users@21
@@rewritten
select id, full_name AS name from users_v2 users where id in (select user_id from user_roles where role = 'user') order by full_name limit 2

@@ hand-written: derived table renaming back to the new name
select full_name from (select name as full_name from users) t order by full_name
@@analysis READ source users@53
@@rewritten
select full_name from (select full_name as full_name from users_v2 users) t order by full_name

@@ hand-written: group by a name that is both a column and an alias
select left(name, 1) as name, count(*) as n from users group by name
@@analysis READ source users@49
@@rewritten
select left(full_name, 1) as name, count(*) as n from users_v2 users group by full_name

@@ hand-written: order by an expression over a name that is both a column and an alias
select id, email as name from users order by upper(name), id
@@analysis READ source users@30
@@rewritten
select id, email as name from users_v2 users order by upper(full_name), id

@@ target: hibernate 6 find by id
select u1_0.id,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 where u1_0.id=?
@@binds 2
@@analysis READ target users_v2@63
@@rewritten
select u1_0.id,u1_0.email,u1_0.name AS full_name,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from users u1_0 where u1_0.id=?

@@ target: hibernate 6 page with limit ?,?
select u1_0.id,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 order by u1_0.id limit ?,?
@@binds 2, 2
@@analysis READ target users_v2@63
@@rewritten
select u1_0.id,u1_0.email,u1_0.name AS full_name,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from users u1_0 order by u1_0.id limit ?,?

@@ target: hibernate 6 page with limit ? offset ?
select u1_0.id,u1_0.full_name from users_v2 u1_0 order by u1_0.full_name,u1_0.id limit ? offset ?
@@binds 2, 1
@@analysis READ target users_v2@35
@@rewritten
select u1_0.id,u1_0.name AS full_name from users u1_0 order by u1_0.name,u1_0.id limit ? offset ?

@@ target: hibernate 6 count
select count(u1_0.id) from users_v2 u1_0 where u1_0.status_code=?
@@binds '2'
@@analysis READ target users_v2@27
@@rewritten
select count(u1_0.id) from users u1_0 where (CAST(u1_0.status AS VARCHAR(8)))=?

@@ target: hibernate 6 find by status code
select u1_0.id,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 where u1_0.status_code in (?,?)
@@binds '1', '3'
@@analysis READ target users_v2@63
@@rewritten
select u1_0.id,u1_0.email,u1_0.name AS full_name,(CAST(u1_0.status AS VARCHAR(8))) AS status_code from users u1_0 where (CAST(u1_0.status AS VARCHAR(8))) in (?,?)

@@ target: hibernate 6 join fetch from orders
select o1_0.order_id,o1_0.total,u1_0.id,u1_0.full_name from orders o1_0 join users_v2 u1_0 on u1_0.id=o1_0.user_id where o1_0.state=?
@@binds 'paid'
@@analysis READ target users_v2@77
@@rewritten
select o1_0.order_id,o1_0.total,u1_0.id,u1_0.name AS full_name from orders o1_0 join users u1_0 on u1_0.id=o1_0.user_id where o1_0.state=?

@@ target: hibernate 6 for update
select u1_0.id,u1_0.full_name from users_v2 u1_0 where u1_0.id=? for update
@@binds 5
@@analysis READ locking target users_v2@35
@@rewritten
select u1_0.id,u1_0.name AS full_name from users u1_0 where u1_0.id=? for update

@@ target: hibernate 6 entity with created_at is refused
select u1_0.id,u1_0.created_at,u1_0.email,u1_0.full_name,u1_0.status_code from users_v2 u1_0 where u1_0.id=?
@@binds 1
@@analysis READ target users_v2@79
@@refused column created_at of users_v2 is not in users

@@ target: hibernate 5 find by id
select userv0_.id as id1_3_0_, userv0_.email as email2_3_0_, userv0_.full_name as full_nam3_3_0_, userv0_.status_code as status_c4_3_0_ from users_v2 userv0_ where userv0_.id=?
@@binds 4
@@analysis READ target users_v2@141
@@rewritten
select userv0_.id as id1_3_0_, userv0_.email as email2_3_0_, userv0_.name as full_nam3_3_0_, (CAST(userv0_.status AS VARCHAR(8))) as status_c4_3_0_ from users userv0_ where userv0_.id=?

@@ target: hibernate 5 left outer join
select userv0_.id as id1_3_, orders1_.order_id as order_id1_0_ from users_v2 userv0_ left outer join orders orders1_ on userv0_.id=orders1_.user_id where userv0_.full_name like ?
@@binds '%e%'
@@analysis READ target users_v2@68
@@rewritten
select userv0_.id as id1_3_, orders1_.order_id as order_id1_0_ from users userv0_ left outer join orders orders1_ on userv0_.id=orders1_.user_id where userv0_.name like ?

@@ target: jooq fetch by status code
select `users_v2`.`id`, `users_v2`.`full_name` from `users_v2` where `users_v2`.`status_code` = ?
@@binds '1'
@@analysis READ target `users_v2`@52
@@rewritten
select `users_v2`.`id`, `users_v2`.name AS `full_name` from users `users_v2` where (CAST(`users_v2`.status AS VARCHAR(8))) = ?

@@ target: jooq count
select count(*) from `users_v2`
@@analysis READ target `users_v2`@21
@@rewritten
select count(*) from users `users_v2`

@@ target: jooq join with user_roles
select `users_v2`.`full_name`, `user_roles`.`role` from `users_v2` join `user_roles` on `user_roles`.`user_id` = `users_v2`.`id` order by `users_v2`.`id`, `user_roles`.`role`
@@analysis READ target `users_v2`@56
@@rewritten
select `users_v2`.name AS `full_name`, `user_roles`.`role` from users `users_v2` join `user_roles` on `user_roles`.`user_id` = `users_v2`.`id` order by `users_v2`.`id`, `user_roles`.`role`

@@ target: jooq page
select `users_v2`.`id`, `users_v2`.`email` from `users_v2` order by `users_v2`.`id` desc limit ? offset ?
@@binds 3, 0
@@analysis READ target `users_v2`@48
@@rewritten
select `users_v2`.`id`, `users_v2`.`email` from users `users_v2` order by `users_v2`.`id` desc limit ? offset ?

@@ target: spring data jdbc find by id
SELECT `users_v2`.`id` AS `id`, `users_v2`.`full_name` AS `full_name`, `users_v2`.`email` AS `email`, `users_v2`.`status_code` AS `status_code` FROM `users_v2` WHERE `users_v2`.`id` = ?
@@binds 1
@@analysis READ target `users_v2`@149
@@rewritten
SELECT `users_v2`.`id` AS `id`, `users_v2`.name AS `full_name`, `users_v2`.`email` AS `email`, (CAST(`users_v2`.status AS VARCHAR(8))) AS `status_code` FROM users `users_v2` WHERE `users_v2`.`id` = ?

@@ target: spring data jdbc paging
SELECT `users_v2`.`id` AS `id`, `users_v2`.`full_name` AS `full_name` FROM `users_v2` ORDER BY `users_v2`.`full_name` ASC, `users_v2`.`id` ASC LIMIT 0, 3
@@analysis READ target `users_v2`@75
@@rewritten
SELECT `users_v2`.`id` AS `id`, `users_v2`.name AS `full_name` FROM users `users_v2` ORDER BY `users_v2`.name ASC, `users_v2`.`id` ASC LIMIT 0, 3

@@ target: spring data jdbc count
SELECT COUNT(*) FROM `users_v2` WHERE `users_v2`.`status_code` = ?
@@binds '2'
@@analysis READ target `users_v2`@21
@@rewritten
SELECT COUNT(*) FROM users `users_v2` WHERE (CAST(`users_v2`.status AS VARCHAR(8))) = ?

@@ target: mybatis dynamic where
SELECT id, full_name, email, status_code
  FROM users_v2
 WHERE 1=1
   AND full_name LIKE CONCAT(?, '%')
 ORDER BY id
@@binds 'b'
@@analysis READ target users_v2@48
@@rewritten
SELECT id, name AS full_name, email, (CAST(users_v2.status AS VARCHAR(8))) AS status_code
  FROM users users_v2
 WHERE 1=1
   AND name LIKE CONCAT(?, '%')
 ORDER BY id

@@ target: jdbctemplate count
select count(*) from users_v2 where email is null
@@analysis READ target users_v2@21
@@rewritten
select count(*) from users users_v2 where email is null

@@ target: full name by id
select full_name from users_v2 where id = ?
@@binds 6
@@analysis READ target users_v2@22
@@rewritten
select name AS full_name from users users_v2 where id = ?

@@ target: status code comparison with a number
select id from users_v2 where status_code = 2
@@analysis READ target users_v2@15
@@rewritten
select id from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = 2

@@ target: status code group by
select status_code, count(*) as n from users_v2 group by status_code order by status_code
@@analysis READ target users_v2@39
@@rewritten
select (CAST(users_v2.status AS VARCHAR(8))) AS status_code, count(*) as n from users users_v2 group by (CAST(users_v2.status AS VARCHAR(8))) order by (CAST(users_v2.status AS VARCHAR(8)))

@@ target: status code rollup
select status_code, count(*) as n from users_v2 group by status_code with rollup
@@analysis READ target users_v2@39
@@rewritten
select (CAST(users_v2.status AS VARCHAR(8))) AS status_code, count(*) as n from users users_v2 group by (CAST(users_v2.status AS VARCHAR(8))) with rollup

@@ target: distinct status code
select distinct status_code from users_v2
@@analysis READ target users_v2@33
@@rewritten
select distinct (CAST(users_v2.status AS VARCHAR(8))) AS status_code from users users_v2

@@ target: status code in list with is null
select id, status_code from users_v2 where status_code in ('1', '2') or status_code is null
@@analysis READ target users_v2@28
@@rewritten
select id, (CAST(users_v2.status AS VARCHAR(8))) AS status_code from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) in ('1', '2') or (CAST(users_v2.status AS VARCHAR(8))) is null

@@ target: cast of status code
select id, cast(status_code as unsigned) + 1 as next_status from users_v2 order by id
@@analysis READ target users_v2@65
@@rewritten
select id, cast((CAST(users_v2.status AS VARCHAR(8))) as unsigned) + 1 as next_status from users users_v2 order by id

@@ target: renamed column aliased back
select id, full_name as name from users_v2 where full_name <> 'Eve'
@@analysis READ target users_v2@34
@@rewritten
select id, name as name from users users_v2 where name <> 'Eve'

@@ target: alias that shadows the renamed column
select id, email as full_name from users_v2 order by full_name
@@analysis READ target users_v2@35
@@rewritten
select id, email as full_name from users users_v2 order by full_name

@@ target: order by renamed column
select id, email from users_v2 order by full_name desc
@@analysis READ target users_v2@22
@@rewritten
select id, email from users users_v2 order by name desc

@@ target: like and regexp
select id, full_name from users_v2 where full_name like '%e%' and full_name regexp 'e$'
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 where name like '%e%' and name regexp 'e$'

@@ target: case on status code
select id, case status_code when '1' then 'active' when '2' then 'blocked' else 'other' end as label from users_v2
@@analysis READ target users_v2@106
@@rewritten
select id, case (CAST(users_v2.status AS VARCHAR(8))) when '1' then 'active' when '2' then 'blocked' else 'other' end as label from users users_v2

@@ target: ifnull on status code
select id, ifnull(status_code, '?') as code from users_v2
@@analysis READ target users_v2@49
@@rewritten
select id, ifnull((CAST(users_v2.status AS VARCHAR(8))), '?') as code from users users_v2

@@ target: exists subquery
select u.id, u.full_name from users_v2 u where exists (select 1 from orders o where o.user_id = u.id and o.state = 'open')
@@analysis READ target users_v2@30
@@rewritten
select u.id, u.name AS full_name from users u where exists (select 1 from orders o where o.user_id = u.id and o.state = 'open')

@@ target: in subquery from user_roles
select u.full_name from users_v2 u where u.id in (select r.user_id from user_roles r where r.role = 'user')
@@analysis READ target users_v2@24
@@rewritten
select u.name AS full_name from users u where u.id in (select r.user_id from user_roles r where r.role = 'user')

@@ target: users_v2 in an orders subquery
select order_id, total from orders where user_id in (select id from users_v2 where status_code = '1') order by order_id
@@analysis READ target users_v2@68
@@rewritten
select order_id, total from orders where user_id in (select id from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '1') order by order_id

@@ target: scalar subquery
select o.order_id, (select v.full_name from users_v2 v where v.id = o.user_id) as owner from orders o
@@analysis READ target users_v2@44
@@rewritten
select o.order_id, (select v.name AS full_name from users v where v.id = o.user_id) as owner from orders o

@@ target: left join aggregate
select v.id, v.full_name, count(o.order_id) as n, sum(o.total) as spent from users_v2 v left join orders o on o.user_id = v.id group by v.id, v.full_name
@@analysis READ target users_v2@77
@@rewritten
select v.id, v.name AS full_name, count(o.order_id) as n, sum(o.total) as spent from users v left join orders o on o.user_id = v.id group by v.id, v.name

@@ target: self join
select a.full_name, b.full_name as other_name from users_v2 a join users_v2 b on a.status_code = b.status_code and a.id < b.id
@@analysis READ target users_v2@51 target users_v2@67
@@rewritten
select a.name AS full_name, b.name as other_name from users a join users b on (CAST(a.status AS VARCHAR(8))) = (CAST(b.status AS VARCHAR(8))) and a.id < b.id

@@ target: union
select full_name from users_v2 where status_code = '1' union select full_name from users_v2 where status_code = '3'
@@analysis READ target users_v2@22 target users_v2@83
@@rewritten
select name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '1' union select name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '3'

@@ target: cte named like the table
with users_v2 as (select id, full_name from users_v2 where id < 4) select id, full_name from users_v2 order by id
@@analysis READ target users_v2@44
@@rewritten
with users_v2 as (select id, name AS full_name from users users_v2 where id < 4) select id, full_name from users_v2 order by id

@@ target: cte
with codes as (select status_code, count(*) as n from users_v2 group by status_code) select status_code, n from codes order by n desc, status_code
@@analysis READ target users_v2@54
@@rewritten
with codes as (select (CAST(users_v2.status AS VARCHAR(8))) AS status_code, count(*) as n from users users_v2 group by (CAST(users_v2.status AS VARCHAR(8)))) select status_code, n from codes order by n desc, status_code

@@ target: window function
select id, full_name, row_number() over (partition by status_code order by id) as rn from users_v2
@@analysis READ target users_v2@90
@@rewritten
select id, name AS full_name, row_number() over (partition by (CAST(users_v2.status AS VARCHAR(8))) order by id) as rn from users users_v2

@@ target: backquoted columns unqualified
select `id`, `full_name`, `status_code` from `users_v2` where `id` in (1, 2)
@@analysis READ target `users_v2`@45
@@rewritten
select `id`, name AS `full_name`, (CAST(`users_v2`.status AS VARCHAR(8))) AS `status_code` from users `users_v2` where `id` in (1, 2)

@@ target: upper-case columns
SELECT ID, FULL_NAME, STATUS_CODE FROM users_v2 WHERE STATUS_CODE = '1'
@@analysis READ target users_v2@39
@@rewritten
SELECT ID, name AS FULL_NAME, (CAST(users_v2.status AS VARCHAR(8))) AS STATUS_CODE FROM users users_v2 WHERE (CAST(users_v2.status AS VARCHAR(8))) = '1'

@@ target: table aliased like the source table
select users.id, users.full_name from users_v2 users where users.id = 3
@@analysis READ target users_v2@38
@@rewritten
select users.id, users.name AS full_name from users users where users.id = 3

@@ target: derived table
select t.full_name from (select id, full_name from users_v2 where status_code = '2') t order by t.id
@@analysis READ target users_v2@51
@@rewritten
select t.full_name from (select id, name AS full_name from users users_v2 where (CAST(users_v2.status AS VARCHAR(8))) = '2') t order by t.id

@@ target: lock in share mode
select id, full_name from users_v2 where id = 2 lock in share mode
@@analysis READ locking target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 where id = 2 lock in share mode

@@ target: sql_calc_found_rows and limit
select sql_calc_found_rows id, full_name from users_v2 order by id limit 2, 2
@@analysis READ target users_v2@46
@@rewritten
select sql_calc_found_rows id, name AS full_name from users users_v2 order by id limit 2, 2

@@ target: comments and a double-quoted string
# find Eve
select id /* key */, full_name -- the name
from users_v2 where full_name = "Eve"
@@analysis READ target users_v2@59
@@rewritten
# find Eve
select id /* key */, name AS full_name -- the name
from users users_v2 where name = "Eve"

@@ target: index hint
select id, full_name from users_v2 use index (PRIMARY) where id <= 2
@@analysis READ target users_v2@26
@@rewritten
select id, name AS full_name from users users_v2 use index (PRIMARY) where id <= 2

@@ target: concat with unaliased expression
select concat(full_name, '/', status_code) from users_v2 where id = 1
@@analysis READ target users_v2@48
@@rewritten
select concat(name, '/', (CAST(users_v2.status AS VARCHAR(8)))) AS `concat(full_name, '/', status_code)` from users users_v2 where id = 1

@@ target: right join
select o.order_id, v.full_name from users_v2 v right join orders o on o.user_id = v.id order by o.order_id
@@analysis READ target users_v2@36
@@rewritten
select o.order_id, v.name AS full_name from users v right join orders o on o.user_id = v.id order by o.order_id

@@ target: straight_join
select straight_join v.full_name, r.role from users_v2 v join user_roles r on r.user_id = v.id
@@analysis READ target users_v2@46
@@rewritten
select straight_join v.name AS full_name, r.role from users v join user_roles r on r.user_id = v.id

@@ target: union with order by the renamed column
select full_name from users_v2 where id < 3 union select full_name from users_v2 where id > 4 order by full_name
@@analysis READ target users_v2@22 target users_v2@72
@@rewritten
select name AS full_name from users users_v2 where id < 3 union select name AS full_name from users users_v2 where id > 4 order by full_name

@@ refused: select star from users
select * from users where id = ?
@@binds 1
@@analysis READ source users@14
@@refused column legacy_flag of users is not in users_v2

@@ refused: qualified star of users
select u.* from users u order by u.id
@@analysis READ source users@16
@@refused column legacy_flag of users is not in users_v2

@@ refused: star over a join
select * from users join user_roles on user_roles.user_id = users.id
@@analysis READ source users@14
@@refused column legacy_flag of users is not in users_v2

@@ refused: star in a derived table counted
select count(*) from (select * from users where status = 1) t
@@analysis READ source users@36
@@refused column legacy_flag of users is not in users_v2

@@ refused: exists with select star
select exists(select * from users where email = ?) as found
@@binds 'ann@x.io'
@@analysis READ source users@28
@@rewritten
select exists(select * from users_v2 users where email = ?) as found

@@ refused: legacy_flag in select
select id, name, legacy_flag from users order by id
@@analysis READ source users@34
@@refused column legacy_flag of users is not in users_v2

@@ refused: legacy_flag in where
select id from users where legacy_flag = true
@@analysis READ source users@15
@@refused column legacy_flag of users is not in users_v2

@@ refused: select star from users_v2
select * from users_v2 where id = ?
@@binds 1
@@analysis READ target users_v2@14
@@refused column created_at of users_v2 is not in users

@@ refused: created_at in select
select id, full_name, created_at from users_v2 where id = ?
@@binds 1
@@analysis READ target users_v2@38
@@refused column created_at of users_v2 is not in users

@@ refused: created_at in order by
select id from users_v2 order by created_at desc, id limit 3
@@analysis READ target users_v2@15
@@refused column created_at of users_v2 is not in users

@@ refused: created_at in where with interval
select count(*) from users_v2 where created_at > now() - interval 1 day
@@analysis READ target users_v2@21
@@refused column created_at of users_v2 is not in users

@@ refused: created_at in group by
select date(created_at) as d, count(*) as n from users_v2 group by d
@@analysis READ target users_v2@49
@@refused column created_at of users_v2 is not in users

@@ refused: natural join
select id, name, n from users natural join (select user_id as id, count(*) as n from orders group by user_id) c
@@analysis READ source users@24; cannot analyse: column id could belong to more than one table in FROM
@@rewritten
select id, full_name AS name, n from users_v2 users join (select user_id as id, count(*) as n from orders group by user_id) c USING (id)

@@ refused: using a renamed column
select u.id, t.n from users u join (select name, count(*) as n from users group by name) t using (name)
@@analysis READ source users@22 source users@68
@@refused the join matches on name, which is named differently in users_v2; write the join with ON

@@ refused: using a renamed column on the target
select v.id, t.n from users_v2 v join (select full_name, count(*) as n from users_v2 group by full_name) t using (full_name)
@@analysis READ target users_v2@22 target users_v2@76
@@refused the join matches on full_name, which is named differently in users; write the join with ON

@@ refused: star with using
select * from users u join (select user_id as id, count(*) as n from orders group by user_id) c using (id)
@@analysis READ source users@14
@@refused SELECT * over a NATURAL or USING join with a migrated table; name the columns

@@ write: hibernate 6 insert
insert into users (email,name,status,id) values (?,?,?,?)
@@binds 'zed@x.io', 'zed', 1, 10
@@analysis WRITE source users@12

@@ write: hibernate 6 update
update users set email=?,name=?,status=? where id=?
@@binds 'bob@y.io', 'bobby', 3, 2
@@analysis WRITE source users@7

@@ write: hibernate 6 delete
delete from users where id=?
@@binds 6
@@analysis WRITE source users@12

@@ write: hibernate 6 bulk update
update users set status=? where status=?
@@binds 4, 1
@@analysis WRITE source users@7

@@ write: hibernate 5 insert with legacy_flag
insert into users (email, legacy_flag, name, status, id) values (?, ?, ?, ?, ?)
@@binds 'y@x.io', false, 'yan', 2, 11
@@analysis WRITE source users@12

@@ write: insert without a column list
insert into users values (12, 'kit', 'kit@x.io', 2, true)
@@analysis WRITE source users@12

@@ write: multi-row insert
insert into users (id, name, email) values (13, 'a', 'a@x.io'), (14, 'b', null), (15, "c", 'c@x.io')
@@analysis WRITE source users@12

@@ write: insert set
INSERT INTO users SET id = 16, name = 'lee', status = 1
@@analysis WRITE source users@12; cannot analyse: cannot parse: Incorrect syntax near the keyword 'SET' at line 1, column 19.

@@ write: insert ignore on a duplicate key
INSERT IGNORE INTO users (id, name) VALUES (1, 'dup')
@@analysis WRITE source users@19

@@ write: replace into
REPLACE INTO users (id, name, email, status) VALUES (2, 'bob', 'bob@new.io', 2)
@@analysis WRITE source users@13

@@ write: on duplicate key update with values()
INSERT INTO users (id, name, status) VALUES (3, 'bea', 5) ON DUPLICATE KEY UPDATE status = VALUES(status), name = VALUES(name)
@@analysis WRITE source users@12

@@ write: jooq insert on duplicate key update
insert into `users` (`id`, `name`, `email`) values (?, ?, ?) on duplicate key update `users`.`email` = values(`email`)
@@binds 17, 'max', 'max@x.io'
@@analysis WRITE source `users`@12

@@ write: insert select from orders
INSERT INTO users (id, name, email, status) SELECT order_id + 100, state, NULL, 0 FROM orders WHERE state = 'open'
@@analysis WRITE source users@12

@@ write: insert returning
insert into users (id, name) values (18, 'ret') returning id, name
@@analysis WRITE source users@12

@@ write: insert low_priority
insert low_priority into users (id, name) values (19, 'low')
@@analysis WRITE source users@25

@@ write: spring data jdbc insert
INSERT INTO `users` (`email`, `name`, `status`, `id`) VALUES (?, ?, ?, ?)
@@binds 'sd@x.io', 'sd', 1, 20
@@analysis WRITE source `users`@12

@@ write: spring data jdbc update
UPDATE `users` SET `name` = ?, `email` = ?, `status` = ? WHERE `users`.`id` = ?
@@binds 'cyd', 'cyd@x.io', 1, 4
@@analysis WRITE source `users`@7

@@ write: spring data jdbc delete
DELETE FROM `users` WHERE `users`.`id` = ?
@@binds 5
@@analysis WRITE source `users`@12

@@ write: update with an in subquery
UPDATE users SET status = 2 WHERE id IN (SELECT user_id FROM orders WHERE state = 'void')
@@analysis WRITE source users@7

@@ write: update with a correlated scalar subquery
update users set email = (select concat(max(r.role), '@roles.io') from user_roles r where r.user_id = users.id) where id in (1, 2)
@@analysis WRITE source users@7

@@ write: update order by limit
UPDATE users SET status = status + 1 ORDER BY id DESC LIMIT 2
@@analysis WRITE source users@7

@@ write: update ignore on a duplicate key
UPDATE IGNORE users SET id = 1 WHERE id = 2
@@analysis WRITE source users@14

@@ write: multi-table update with join
UPDATE users u JOIN orders o ON o.user_id = u.id SET u.status = 9 WHERE o.state = 'void'
@@analysis WRITE source users@7

@@ write: multi-table update with comma
update users u, orders o set u.status = 0, o.state = 'void' where o.user_id = u.id and u.id = 5
@@analysis WRITE source users@7

@@ write: update of legacy_flag
update users set legacy_flag = not legacy_flag where id = 3
@@analysis WRITE source users@7

@@ write: multi-table delete
DELETE u FROM users u JOIN orders o ON o.user_id = u.id WHERE o.state = 'void'
@@analysis WRITE source users@14

@@ write: multi-table delete with using
DELETE FROM u USING users u LEFT JOIN orders o ON o.user_id = u.id WHERE o.order_id IS NULL
@@analysis WRITE source users@20

@@ write: delete with a subquery
DELETE FROM users WHERE id NOT IN (SELECT user_id FROM user_roles)
@@analysis WRITE source users@12

@@ write: delete order by limit
delete from users where status is not null order by id desc limit 1
@@analysis WRITE source users@12

@@ write: delete returning
delete from users where id = 6 returning id, name
@@analysis WRITE source users@12

@@ write: target insert
INSERT INTO users_v2 (id, full_name, email, status_code) VALUES (?, ?, ?, ?)
@@binds 21, 'neo', 'neo@x.io', '1'
@@analysis WRITE target users_v2@12

@@ write: target insert with now()
insert into users_v2 (id, full_name, email, status_code, created_at) values (22, 'trin', null, '2', now())
@@analysis WRITE target users_v2@12

@@ write: target upsert
insert into users_v2 (id, full_name, status_code) values (1, 'ann', '7') on duplicate key update status_code = values(status_code)
@@analysis WRITE target users_v2@12

@@ write: target replace
replace into `users_v2` (`id`, `full_name`) values (3, 'bea')
@@analysis WRITE target `users_v2`@13

@@ write: target update
update users_v2 set full_name = ?, status_code = ? where id = ?
@@binds 'Eva', '1', 6
@@analysis WRITE target users_v2@7

@@ write: target update of created_at
UPDATE users_v2 SET created_at = CURRENT_TIMESTAMP WHERE id = 2
@@analysis WRITE target users_v2@7

@@ write: target delete by interval
DELETE FROM users_v2 WHERE created_at < NOW() - INTERVAL 1 YEAR
@@analysis WRITE target users_v2@12

@@ write: target multi-table delete
delete v from users_v2 v join orders o on o.user_id = v.id where o.state = 'void'
@@analysis WRITE target users_v2@14

@@ write: backfill into the target from the source
INSERT INTO users_v2 (id, full_name, email, status_code) SELECT id, name, email, CAST(status AS CHAR) FROM users WHERE id NOT IN (SELECT id FROM users_v2)
@@analysis WRITE target users_v2@12 source users@107 target users_v2@145

@@ write: orders insert select from users
insert into orders (order_id, user_id, total, state) select 100 + id, id, 0.00, 'open' from users where status = 1
@@analysis WRITE source users@92

@@ write: orders delete with users subquery
DELETE FROM orders WHERE user_id NOT IN (SELECT id FROM users)
@@analysis WRITE source users@56

@@ write: orders update with correlated not exists
update orders o set o.state = 'void' where not exists (select 1 from users u where u.id = o.user_id)
@@analysis WRITE source users@69

@@ ddl: alter table add column
ALTER TABLE users ADD COLUMN nickname VARCHAR(20) NULL
@@analysis DDL source users@12

@@ ddl: alter target modify column
ALTER TABLE `users_v2` MODIFY `status_code` VARCHAR(16)
@@analysis DDL target `users_v2`@12

@@ ddl: create index
CREATE INDEX idx_users_email ON users (email)
@@analysis DDL source users@32

@@ ddl: truncate
TRUNCATE TABLE users
@@analysis DDL source users@15

@@ ddl: drop table if exists
DROP TABLE IF EXISTS users_v2
@@analysis DDL target users_v2@21

@@ ddl: rename table swap
RENAME TABLE users TO users_old, users_v2 TO users
@@analysis DDL source users@13 target users_v2@33 source users@45

@@ ddl: create table as select
CREATE TABLE users_backup AS SELECT id, name FROM users
@@analysis DDL source users@50

@@ session: use
USE tandem_rw_source
@@analysis SESSION

@@ session: set names
SET NAMES utf8mb4
@@analysis SESSION

@@ session: set isolation level
SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED
@@analysis SESSION

@@ session: lock tables
LOCK TABLES users WRITE, orders READ
@@analysis SESSION source users@12

@@ session: unlock tables
UNLOCK TABLES
@@analysis SESSION

@@ session: show create table
SHOW CREATE TABLE users
@@analysis SESSION source users@18

@@ other: explain
EXPLAIN SELECT id, name FROM users WHERE id = 1
@@analysis OTHER source users@29

@@ none: select 1
select 1
@@analysis READ
@@rewritten
select 1

@@ none: select from dual
SELECT 1 FROM DUAL
@@analysis READ
@@rewritten
SELECT 1 FROM DUAL

@@ none: found_rows
select found_rows()
@@analysis READ
@@rewritten
select found_rows()

@@ none: orders by state
select order_id, total from orders where state = ? order by order_id
@@binds 'open'
@@analysis READ
@@rewritten
select order_id, total from orders where state = ? order by order_id

@@ none: orders rollup
select user_id, sum(total) as spent from orders group by user_id with rollup
@@analysis READ
@@rewritten
select user_id, sum(total) as spent from orders group by user_id with rollup

@@ none: user_roles count
select role, count(*) as n from user_roles group by role
@@analysis READ
@@rewritten
select role, count(*) as n from user_roles group by role

@@ none: orders joined to user_roles
select o.order_id, r.role from orders o join user_roles r on r.user_id = o.user_id
@@analysis READ
@@rewritten
select o.order_id, r.role from orders o join user_roles r on r.user_id = o.user_id

@@ none: a string that names the table
select 'users' as t, count(*) as n from orders where state <> 'users_v2'
@@analysis READ
@@rewritten
select 'users' as t, count(*) as n from orders where state <> 'users_v2'

@@ none: server variable
select @@autocommit
@@analysis READ
@@rewritten
select @@autocommit

@@ none: orders insert
insert into orders (order_id, user_id, total, state) values (?, ?, ?, ?)
@@binds 50, 1, 9.99, 'open'
@@analysis WRITE

@@ none: orders update
update orders set state = 'paid' where order_id = ?
@@binds 2
@@analysis WRITE

@@ schema-qualified: source read
select id, name from tandem_rw_source.users where id = ?
@@binds 1
@@analysis READ source tandem_rw_source.users@21
@@rewritten
select id, full_name AS name from tandem_rw_source.users_v2 users where id = ?

@@ schema-qualified: backquoted app schema with alias
select `u`.`id`, `u`.`name` from `app`.`users` `u` where `u`.`status` = ?
@@binds 1
@@analysis READ source `app`.`users`@33
@@rewritten
select `u`.`id`, `u`.full_name AS `name` from `app`.users_v2 `u` where (CAST(`u`.status_code AS INT)) = ?

@@ schema-qualified: jooq fully qualified columns
select `tandem_rw_source`.`users`.`id`, `tandem_rw_source`.`users`.`name` from `tandem_rw_source`.`users` where `tandem_rw_source`.`users`.`status` = ?
@@binds 2
@@analysis READ source `tandem_rw_source`.`users`@79
@@rewritten
select `users`.`id`, `users`.full_name AS `name` from `tandem_rw_source`.users_v2 `users` where (CAST(`users`.status_code AS INT)) = ?

@@ schema-qualified: target read
select id, full_name, status_code from tandem_rw_target.users_v2 order by id
@@analysis READ target tandem_rw_target.users_v2@39
@@rewritten
select id, name AS full_name, (CAST(users_v2.status AS VARCHAR(8))) AS status_code from tandem_rw_target.users users_v2 order by id

@@ schema-qualified: other schema's orders with users
select o.order_id, u.name from app.orders o join app.users u on u.id = o.user_id
@@analysis READ source app.users@49
@@rewritten
select o.order_id, u.full_name AS name from app.orders o join app.users_v2 u on u.id = o.user_id

@@ schema-qualified: write
update `app`.`users` set `name` = ? where `id` = ?
@@binds 'x', 1
@@analysis WRITE source `app`.`users`@7


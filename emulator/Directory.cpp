#include "Directory.h"

#include "Store.h"

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

void Directory::load(Store &store)
{
    m_users.clear();
    m_groups.clear();
    m_userById.clear();
    m_userByUpn.clear();
    m_groupById.clear();
    {
        QSqlQuery &q = store.prepared(
            u"SELECT id, upn, display_name, mail, job_title, is_admin, account_enabled FROM users"
            " WHERE deleted_ms IS NULL ORDER BY ord, upn"_s);
        q.exec();
        while (q.next()) {
            DirectoryUser u;
            u.id = q.value(0).toString();
            u.upn = q.value(1).toString();
            u.displayName = q.value(2).toString();
            u.mail = q.value(3).toString();
            u.jobTitle = q.value(4).toString();
            u.isAdmin = q.value(5).toInt() != 0;
            u.accountEnabled = q.value(6).toInt() != 0;
            m_userById.insert(u.id, m_users.size());
            m_userByUpn.insert(u.upn.toLower(), m_users.size());
            m_users.append(u);
        }
        q.finish();
    }
    {
        QSqlQuery &q =
            store.prepared(u"SELECT id, display_name, mail, description FROM groups ORDER BY display_name"_s);
        q.exec();
        while (q.next()) {
            DirectoryGroup g{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString()};
            m_groupById.insert(g.id, m_groups.size());
            m_groups.append(g);
        }
        q.finish();
    }
    QSqlQuery &q =
        store.prepared(u"SELECT user_id, principal_id FROM memberships WHERE user_id <> principal_id"_s);
    q.exec();
    while (q.next()) {
        const auto it = m_userById.constFind(q.value(0).toString());
        if (it != m_userById.constEnd())
            m_users[*it].groupIds.append(q.value(1).toString());
    }
    q.finish();
}

std::optional<DirectoryUser> Directory::userById(const QString &id) const
{
    const auto it = m_userById.constFind(id);
    return it == m_userById.constEnd() ? std::nullopt : std::optional(m_users.at(*it));
}

std::optional<DirectoryUser> Directory::userByUpn(const QString &upn) const
{
    const auto it = m_userByUpn.constFind(upn.toLower());
    return it == m_userByUpn.constEnd() ? std::nullopt : std::optional(m_users.at(*it));
}

std::optional<DirectoryGroup> Directory::groupById(const QString &id) const
{
    const auto it = m_groupById.constFind(id);
    return it == m_groupById.constEnd() ? std::nullopt : std::optional(m_groups.at(*it));
}

bool Directory::isAdmin(const QString &userId) const
{
    const auto it = m_userById.constFind(userId);
    return it != m_userById.constEnd() && m_users.at(*it).isAdmin;
}

Caller Directory::caller(const DirectoryUser &user) const
{
    Caller c;
    c.id = user.id;
    c.upn = user.upn;
    c.displayName = user.displayName;
    c.mail = user.mail;
    c.isAdmin = user.isAdmin;
    c.principalIds = QStringList{user.id} + user.groupIds;
    return c;
}

} // namespace fc::emu

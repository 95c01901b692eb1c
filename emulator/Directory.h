#pragma once

#include "Http.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fc::emu {

class Store;

struct DirectoryUser
{
    QString id;
    QString upn;
    QString displayName;
    QString mail;
    QString jobTitle;
    bool isAdmin = false;       // a Power Platform administrator: may use scopes/admin
    bool accountEnabled = true; // false: a disabled account (Graph accountEnabled)
    QStringList groupIds;
};

struct DirectoryGroup
{
    QString id;
    QString displayName;
    QString mail;
    QString description;
};

// The tenant's users and groups, read once from the store after seeding (they never change
// at run time), so that every request can resolve its caller without a query. Deleted users
// are not in it (their object IDs stay on the flows they owned); disabled ones are, with
// accountEnabled false.
class Directory
{
public:
    void load(Store &store);

    const QList<DirectoryUser> &users() const { return m_users; }
    const QList<DirectoryGroup> &groups() const { return m_groups; }
    std::optional<DirectoryUser> userById(const QString &id) const;
    std::optional<DirectoryUser> userByUpn(const QString &upn) const; // case-insensitive
    std::optional<DirectoryGroup> groupById(const QString &id) const;
    // Whether the user with this object ID is an administrator (false for unknown IDs).
    bool isAdmin(const QString &userId) const;
    Caller caller(const DirectoryUser &user) const;

private:
    QList<DirectoryUser> m_users;
    QList<DirectoryGroup> m_groups;
    QHash<QString, qsizetype> m_userById;
    QHash<QString, qsizetype> m_userByUpn;
    QHash<QString, qsizetype> m_groupById;
};

} // namespace fc::emu

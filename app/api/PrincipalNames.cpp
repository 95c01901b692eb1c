#include "PrincipalNames.h"

#include "ApiClient.h"

namespace fc {

PrincipalNames::PrincipalNames(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) {}

QString PrincipalNames::nameOf(const QString &objectId)
{
    if (objectId.isEmpty())
        return {};
    if (const auto it = m_names.constFind(objectId); it != m_names.cend())
        return *it;
    if (!m_client || m_asked.contains(objectId))
        return {};
    m_asked.insert(objectId);
    // A failure (no directory permission, a deleted user) leaves the id shown; it is not retried.
    m_client->getUser(objectId, this, [this, objectId](Result<Principal> user) {
        if (!user || user->displayName.isEmpty())
            return;
        m_names.insert(objectId, user->displayName);
        emit resolved(objectId, user->displayName);
    });
    return {};
}

void PrincipalNames::clear()
{
    m_names.clear();
    m_asked.clear();
}

} // namespace fc

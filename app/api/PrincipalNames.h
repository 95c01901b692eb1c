#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace fc {

class ApiClient;

// Display names of users by object id, looked up once each in the directory (Microsoft Graph)
// and kept for the session, so tables can show "Adele Vance" where the API gives a GUID.
class PrincipalNames : public QObject
{
    Q_OBJECT
public:
    explicit PrincipalNames(ApiClient *client, QObject *parent = nullptr);

    // The name if known; otherwise empty, and a look-up is started (resolved() follows).
    QString nameOf(const QString &objectId);
    void clear();

signals:
    void resolved(const QString &objectId, const QString &displayName);

private:
    QPointer<ApiClient> m_client;
    QHash<QString, QString> m_names;
    QSet<QString> m_asked; // in flight or failed: asked once per session only
};

} // namespace fc

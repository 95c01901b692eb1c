#pragma once

#include "ApiClient.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <deque>

namespace fc {

// What the directory says about an owner, looked up by object ID.
struct DirectoryEntry
{
    enum class Status {
        Pending,  // not answered yet
        Valid,    // an enabled user, an existing group, or another kind of principal
        Disabled, // a user whose account is disabled
        Gone,     // not in the directory any more (deleted)
        Unknown,  // the look-up failed: neither valid nor invalid
    };
    Status status = Status::Pending;
    QString displayName;
    QString email; // mail, or the UPN for users without one
};

// Resolves many object IDs to names and account states with as few Microsoft Graph calls as
// the service allows: IDs are queued and asked for 15 at a time ($filter=id in (...)), users and
// groups apart, a few batches in flight at once. Only full batches leave while the caller may
// still add IDs; flush() sends what is left, so there is one call per 15 distinct IDs plus one. An ID absent
// from a successful answer is gone from the directory; an ID whose batch failed is Unknown (never taken for
// gone). Each ID is asked once per session.
class PrincipalDirectory : public QObject
{
    Q_OBJECT
public:
    explicit PrincipalDirectory(ApiClient *client, QObject *parent = nullptr);

    // Queues the IDs not known yet; resolved() follows for each batch.
    void request(const QStringList &ids, PrincipalType type);
    // No more IDs are coming for now: the partial batches leave too.
    void flush();
    bool hasQueued() const { return !m_userQueue.empty() || !m_groupQueue.empty(); }
    DirectoryEntry entry(const QString &id) const { return m_entries.value(id); }
    bool isBusy() const { return m_inFlight > 0 || !m_userQueue.empty() || !m_groupQueue.empty(); }
    int graphCalls() const { return m_calls; }
    // Forgets failures, so that their IDs are asked again.
    void retryUnknown();
    void clear();

signals:
    void resolved(const QStringList &ids);

private:
    void pump(bool partial);
    void send(PrincipalType type, QStringList ids);

    static constexpr int kMaxInFlight = 4;
    QPointer<ApiClient> m_client;
    QHash<QString, DirectoryEntry> m_entries;
    std::deque<QString> m_userQueue;
    std::deque<QString> m_groupQueue;
    int m_inFlight = 0;
    int m_calls = 0;
    bool m_pumpQueued = false;
    bool m_flushing = false;  // flush() asked and no ID came since: partial batches may leave
    quint64 m_generation = 0; // bumped by clear(): answers of an earlier generation are dropped
};

} // namespace fc

#include "PrincipalDirectory.h"

#include <QTimer>

namespace fc {

PrincipalDirectory::PrincipalDirectory(ApiClient *client, QObject *parent) : QObject(parent), m_client(client)
{}

void PrincipalDirectory::request(const QStringList &ids, PrincipalType type)
{
    std::deque<QString> &queue = type == PrincipalType::Group ? m_groupQueue : m_userQueue;
    for (const QString &id : ids) {
        if (id.isEmpty() || m_entries.contains(id))
            continue;
        if (type != PrincipalType::User && type != PrincipalType::Group) {
            // Service principals and the like are not users: they are never orphaning owners.
            m_entries.insert(id, {DirectoryEntry::Status::Valid, {}, {}});
            continue;
        }
        m_entries.insert(id, {}); // Pending: asked once
        queue.push_back(id);
        m_flushing = false; // new IDs: wait for a full batch or the next flush()
    }
    // Full batches leave from the event loop, so that IDs added in the same turn travel together.
    if (!m_pumpQueued) {
        m_pumpQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_pumpQueued = false;
            pump(false);
        });
    }
}

void PrincipalDirectory::flush()
{
    m_flushing = true;
    pump(true);
}

void PrincipalDirectory::pump(bool partial)
{
    partial = partial || m_flushing;
    const auto ready = [partial](const std::deque<QString> &queue) {
        return !queue.empty() && (partial || queue.size() >= size_t(ApiClient::kLookupBatch));
    };
    while (m_inFlight < kMaxInFlight && (ready(m_userQueue) || ready(m_groupQueue))) {
        const PrincipalType type = ready(m_userQueue) ? PrincipalType::User : PrincipalType::Group;
        std::deque<QString> &queue = type == PrincipalType::Group ? m_groupQueue : m_userQueue;
        QStringList batch;
        while (!queue.empty() && batch.size() < ApiClient::kLookupBatch) {
            batch << queue.front();
            queue.pop_front();
        }
        send(type, batch);
    }
}

void PrincipalDirectory::send(PrincipalType type, QStringList ids)
{
    if (!m_client)
        return;
    ++m_inFlight;
    ++m_calls;
    m_client->lookupPrincipals(
        type, ids, this, [this, ids, generation = m_generation](Result<Page<Principal>> result) {
            if (generation != m_generation)
                return;
            --m_inFlight;
            if (!result) {
                for (const QString &id : ids)
                    m_entries[id].status = DirectoryEntry::Status::Unknown;
            } else {
                QSet<QString> found;
                for (const Principal &p : result->items) {
                    if (!ids.contains(p.id))
                        continue; // the directory answered more than was asked: not trusted
                    found.insert(p.id);
                    DirectoryEntry &e = m_entries[p.id];
                    e.status =
                        p.accountEnabled ? DirectoryEntry::Status::Valid : DirectoryEntry::Status::Disabled;
                    e.displayName = p.displayName;
                    e.email = p.email.isEmpty() ? p.userPrincipalName : p.email;
                }
                for (const QString &id : ids) {
                    if (!found.contains(id))
                        m_entries[id].status = DirectoryEntry::Status::Gone;
                }
            }
            emit resolved(ids);
            pump(false);
        });
}

void PrincipalDirectory::retryUnknown()
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->status == DirectoryEntry::Status::Unknown)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

void PrincipalDirectory::clear()
{
    ++m_generation;
    m_entries.clear();
    m_userQueue.clear();
    m_groupQueue.clear();
    m_inFlight = 0;
}

} // namespace fc

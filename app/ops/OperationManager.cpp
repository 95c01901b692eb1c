#include "OperationManager.h"

#include "BulkEngine.h"
#include "Journal.h"
#include "api/ApiClient.h"

using namespace Qt::Literals::StringLiterals;

namespace fc {

OperationManager::OperationManager(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) {}

OperationManager::~OperationManager()
{
    // The engines write to the journal while they stop; they go first.
    const QList<BulkEngine *> engines = m_operations;
    for (BulkEngine *engine : engines) {
        disconnect(engine, nullptr, this, nullptr);
        if (engine->parent() == this)
            delete engine;
    }
    // Also those already forgotten but not yet deleted (deleteLater pending): they release their
    // operation in the journal as they go, and the journal is a member that dies before ~QObject
    // would delete them.
    const QList<BulkEngine *> children = findChildren<BulkEngine *>(Qt::FindDirectChildrenOnly);
    for (BulkEngine *engine : children) {
        disconnect(engine, nullptr, this, nullptr);
        delete engine;
    }
}

QString OperationManager::journalPath()
{
    const QString path = qEnvironmentVariable("FLOWCONSOLE_JOURNAL");
    return path.isEmpty() ? Journal::defaultPath() : path;
}

bool OperationManager::openJournal(const QString &path, QString *error)
{
    if (m_journal && m_journalPath == path)
        return true;
    if (m_journal) {
        // Engines hold the journal they were built with: another one is not swapped in under them.
        if (error)
            *error = tr("Another journal is already open.");
        return false;
    }
    auto journal = std::make_unique<Journal>();
    if (!journal->open(path, error))
        return false;
    m_journal = std::move(journal);
    m_journalPath = path;
    return true;
}

BulkEngine *OperationManager::start(const QString &title, QList<BulkItem> items)
{
    if (!m_client)
        return nullptr;
    auto *engine = new BulkEngine(m_client, m_journal.get(), title, std::move(items), this);
    add(engine);
    engine->start();
    return engine;
}

void OperationManager::track(BulkEngine *engine)
{
    if (!engine || m_operations.contains(engine))
        return;
    // Shown until the user clears it, even after whoever started it has moved on.
    engine->setParent(this);
    add(engine);
}

void OperationManager::add(BulkEngine *engine)
{
    m_operations.append(engine);
    connect(engine, &BulkEngine::finished, this, [this, engine] { emit operationFinished(engine); });
    // Pointer identity only: by the time destroyed() is emitted the engine is half gone.
    connect(engine, &QObject::destroyed, this, [this, engine] { remove(engine); });
    emit operationAdded(engine);
}

void OperationManager::remove(BulkEngine *engine)
{
    const qsizetype row = m_operations.indexOf(engine);
    if (row < 0)
        return;
    m_operations.removeAt(row);
    m_unfinished.removeAll(engine);
    emit operationRemoved(engine);
}

QList<BulkEngine *> OperationManager::operations() const
{
    return m_operations;
}

bool OperationManager::owns(const BulkEngine *engine) const
{
    return engine && engine->parent() == this;
}

void OperationManager::clearFinished()
{
    const QList<BulkEngine *> all = operations();
    for (BulkEngine *engine : all) {
        const OperationState state = engine->state();
        const bool over = state == OperationState::Finished || state == OperationState::Cancelled;
        if (!over || engine->inFlight() > 0)
            continue;
        disconnect(engine, nullptr, this, nullptr);
        remove(engine);
        if (owns(engine)) {
            if (m_journal && engine->operationId())
                m_journal->removeOperation(engine->operationId());
            engine->deleteLater();
        }
    }
}

int OperationManager::activeCount() const
{
    int active = 0;
    for (const BulkEngine *engine : m_operations)
        active += engine->state() == OperationState::Running || engine->inFlight() > 0 ? 1 : 0;
    return active;
}

void OperationManager::pauseAll()
{
    for (BulkEngine *engine : std::as_const(m_operations))
        engine->pause();
}

int OperationManager::releaseAll()
{
    int running = 0;
    const QList<BulkEngine *> all = m_operations;
    for (BulkEngine *engine : all) {
        running += engine->state() == OperationState::Running ? 1 : 0;
        engine->pause();
        disconnect(engine, nullptr, this, nullptr);
        remove(engine);
        if (owns(engine)) {
            const bool over =
                engine->state() == OperationState::Finished || engine->state() == OperationState::Cancelled;
            if (over && m_journal && engine->operationId())
                m_journal->removeOperation(engine->operationId());
            engine->deleteLater();
        }
    }
    m_unfinished.clear();
    m_loaded = false;
    emit unfinishedResolved();
    return running;
}

void OperationManager::setScope(const QString &scope)
{
    if (!m_journal || m_journal->scope() == scope)
        return;
    m_journal->setScope(scope);
    m_loaded = false; // another account's unfinished work may be waiting
}

int OperationManager::loadUnfinished()
{
    if (m_loaded || !m_journal || !m_client)
        return 0;
    m_loaded = true;
    const QList<OperationRecord> records = m_journal->operations(true);
    m_heldElsewhere = 0;
    for (const OperationRecord &record : records) {
        // Only the process that holds an operation runs it; its items are read after taking it,
        // so they are what the last owner wrote.
        QString why;
        if (!m_journal->owns(record.id) && !m_journal->acquire(record.id, &why)) {
            ++m_heldElsewhere;
            continue;
        }
        auto *engine = new BulkEngine(m_client, m_journal.get(), record.id, record.title,
                                      m_journal->items(record.id), this);
        add(engine);
        m_unfinished.append(engine);
        // Resumed on its own from the panel: no longer waiting for the user's word.
        connect(engine, &BulkEngine::stateChanged, this, [this, engine](OperationState state) {
            if (state == OperationState::Paused || !m_unfinished.contains(engine))
                return;
            m_unfinished.removeAll(engine);
            if (m_unfinished.isEmpty())
                emit unfinishedResolved();
        });
    }
    if (m_heldElsewhere > 0)
        emit heldElsewhere(m_heldElsewhere);
    if (!m_unfinished.isEmpty())
        emit unfinishedFound(static_cast<int>(m_unfinished.size()));
    return static_cast<int>(m_unfinished.size());
}

QList<BulkEngine *> OperationManager::unfinished() const
{
    return m_unfinished;
}

void OperationManager::resumeUnfinished()
{
    const QList<BulkEngine *> list = unfinished();
    m_unfinished.clear();
    for (BulkEngine *engine : list)
        engine->resume();
    emit unfinishedResolved();
}

void OperationManager::discardUnfinished()
{
    const QList<BulkEngine *> list = unfinished();
    m_unfinished.clear();
    for (BulkEngine *engine : list) {
        disconnect(engine, nullptr, this, nullptr);
        remove(engine);
        if (m_journal)
            m_journal->removeOperation(engine->operationId());
        engine->deleteLater();
    }
    emit unfinishedResolved();
}

} // namespace fc

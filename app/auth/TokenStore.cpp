#include "TokenStore.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

Q_LOGGING_CATEGORY(lcKeychain, "fc.keychain", QtInfoMsg)

QString errorCode(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return u"EntryNotFound"_s;
    case QKeychain::CouldNotDeleteEntry:
        return u"CouldNotDeleteEntry"_s;
    case QKeychain::AccessDeniedByUser:
        return u"AccessDeniedByUser"_s;
    case QKeychain::AccessDenied:
        return u"AccessDenied"_s;
    case QKeychain::NoBackendAvailable:
        return u"NoBackendAvailable"_s;
    case QKeychain::NotImplemented:
        return u"NotImplemented"_s;
    case QKeychain::OtherError:
        return u"OtherError"_s;
    }
    return u"OtherError"_s;
}

// Runs one job with a timeout and answers exactly once, on the context's thread, only while the
// context lives. A job that never finishes is left to QtKeychain (it deletes itself if it ever
// does).
//
// The job can outlive its timeout by a long way: GNOME Keyring, for one, asks a first-time user to
// create a default keyring and answers whenever they are done. So nothing the job's end touches
// may have been freed by the timeout: the timer is the job's child (it lives exactly as long as the
// job), and the callback sits in a slot shared by both ways to answer; whichever comes first takes
// it out, the other finds it empty. A late answer, even a good one, is dropped: the caller has had
// its Timeout and goes on without the keychain.
template <typename T>
void runJob(QKeychain::Job *job, int timeoutMs, QObject *context, const QString &what,
            std::function<Result<T>(QKeychain::Job *)> onSuccess, std::function<void(Result<T>)> done)
{
    // Only ever touched on the context's thread: both answers are delivered there.
    auto pending = std::make_shared<std::function<void(Result<T>)>>(std::move(done));
    auto answer = [pending](Result<T> result) {
        std::function<void(Result<T>)> callback = std::exchange(*pending, {});
        if (!callback)
            return false;
        callback(std::move(result));
        return true;
    };

    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(job, &QKeychain::Job::finished, timer, &QTimer::stop);
    // With the context as receiver: a context that died takes this connection with it.
    QObject::connect(timer, &QTimer::timeout, context, [answer, timeoutMs, what] {
        ApiError error = ApiError::make(
            ApiError::Kind::Auth,
            QObject::tr(
                "The system keychain did not answer within %1 seconds (%2). Is a Secret Service (for example "
                "GNOME Keyring or KWallet) running and unlocked?")
                .arg(timeoutMs / 1000)
                .arg(what),
            u"keychain"_s);
        error.code = u"Timeout"_s;
        answer(error);
    });
    // Read the job while it emits (it deletes itself soon after), in its own thread; then answer on
    // the context's thread: directly if that is this one, else queued (dropped if the context dies
    // meanwhile).
    QObject::connect(
        job, &QKeychain::Job::finished, context,
        [context, what, onSuccess, answer](QKeychain::Job *finished) {
            Result<T> result = [&]() -> Result<T> {
                if (finished->error() == QKeychain::NoError)
                    return onSuccess(finished);
                ApiError error = ApiError::make(
                    ApiError::Kind::Auth,
                    QObject::tr("The system keychain refused to %1: %2").arg(what, finished->errorString()),
                    u"keychain"_s);
                error.code = errorCode(finished->error());
                return error;
            }();
            QMetaObject::invokeMethod(context, [answer, what, result = std::move(result)]() mutable {
                if (!answer(std::move(result)))
                    qCDebug(lcKeychain, "The system keychain answered after the timeout (%s); dropped.",
                            qUtf8Printable(what));
            });
        },
        Qt::DirectConnection);
    timer->start(timeoutMs);
    job->start();
}

} // namespace

TokenStore::TokenStore(QObject *parent) : QObject(parent) {}

QString TokenStore::keyFor(const QString &profile, const QString &account)
{
    return profile + u'/' + account;
}

void TokenStore::write(const QString &key, const QString &secret, QObject *context,
                       std::function<void(Result<Done>)> done)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    runJob<Done>(
        job, m_timeoutMs, context ? context : this, tr("store the sign-in"),
        [](QKeychain::Job *) { return Done{}; }, std::move(done));
}

void TokenStore::read(const QString &key, QObject *context, std::function<void(Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    runJob<QString>(
        job, m_timeoutMs, context ? context : this, tr("read the stored sign-in"),
        [](QKeychain::Job *j) { return static_cast<QKeychain::ReadPasswordJob *>(j)->textData(); },
        std::move(done));
}

void TokenStore::remove(const QString &key, QObject *context, std::function<void(Result<Done>)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    runJob<Done>(
        job, m_timeoutMs, context ? context : this, tr("remove the stored sign-in"),
        [](QKeychain::Job *) { return Done{}; }, std::move(done));
}

} // namespace fc

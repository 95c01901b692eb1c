#include "TokenStore.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

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
// does); its late answer is dropped.
template <typename T>
void runJob(QKeychain::Job *job, int timeoutMs, QObject *context, const QString &what,
            std::function<Result<T>(QKeychain::Job *)> onSuccess, std::function<void(Result<T>)> done)
{
    auto answered = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, context, [=] {
        timer->deleteLater();
        if (std::exchange(*answered, true))
            return;
        ApiError error = ApiError::make(
            ApiError::Kind::Auth,
            QObject::tr(
                "The system keychain did not answer within %1 seconds (%2). Is a Secret Service (for example "
                "GNOME Keyring or KWallet) running and unlocked?")
                .arg(timeoutMs / 1000)
                .arg(what),
            u"keychain"_s);
        error.code = u"Timeout"_s;
        done(error);
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [=](QKeychain::Job *finished) {
        timer->stop();
        timer->deleteLater();
        if (std::exchange(*answered, true) || !guard)
            return;
        if (finished->error() != QKeychain::NoError) {
            ApiError error = ApiError::make(
                ApiError::Kind::Auth,
                QObject::tr("The system keychain refused to %1: %2").arg(what, finished->errorString()),
                u"keychain"_s);
            error.code = errorCode(finished->error());
            done(error);
            return;
        }
        done(onSuccess(finished));
    });
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

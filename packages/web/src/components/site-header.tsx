export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="site-header__brand" href="/">
          <img className="site-header__logo" src="/favicon.svg" alt="" width="28" height="28" />
          <span>Weframe</span>
        </a>
        <p className="site-header__tagline">Multi-agency collaboration in children’s services</p>
      </div>
    </header>
  );
}
